package org.ccsim.core.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ccsim.core.scenario.Scenario;

/**
 * {@code events.csv}: {@code epoch,phase,action,rule}, one line per event and rule it reaches, in
 * epoch order. The action happened before the first batch of the epoch.
 */
public final class EventsCsv {

  /** The header line. */
  public static final String HEADER = "epoch,phase,action,rule";
  private static final List<String> COLUMNS = List.of(HEADER.split(","));

  /** One line of the file. */
  public record Row(int epoch, String phase, String action, String rule) {
  }

  private EventsCsv() {
  }

  /** The lines of a scenario's events. */
  public static List<Row> of(List<Scenario.Event> events) {
    List<Row> rows = new ArrayList<>();
    for (Scenario.Event event : events) {
      event.rules().forEach(rule -> rows.add(new Row(event.epoch(), event.phase(), event.action(), rule)));
    }
    return rows;
  }

  /** The file's text. */
  public static String format(List<Row> rows) {
    return Csv.write(COLUMNS, rows.stream()
        .map(r -> Csv.row(Integer.toString(r.epoch()), r.phase(), r.action(), r.rule())).toList());
  }

  /** Reads a file written by {@link #format}; a missing file holds no events. */
  public static List<Row> read(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    if (!Files.exists(file)) {
      return rows;
    }
    Csv.Table table = Csv.read(file.toString(), Files.readString(file));
    if (!table.header().equals(COLUMNS)) {
      throw new IOException(file + ": not a ccsim events file (expected the header " + HEADER + ")");
    }
    for (Csv.Record record : table.records()) {
      String[] f = record.fields();
      if (f.length != COLUMNS.size()) {
        throw new IOException(file + ":" + record.line() + ": expected " + COLUMNS.size() + " fields, found " + f.length);
      }
      try {
        rows.add(new Row(Integer.parseInt(f[0]), f[1], f[2], f[3]));
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + record.line() + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }
}
