package org.ccsim.core.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tidy long format {@code rule,replicate,phase,epoch,metric,value}, through {@link Csv}. Values are written with
 * {@link Double#toString}, the shortest text that reads back to the same double, so the file is
 * exact and byte-identical for identical results. A scenario with a {@code sweep} adds one column
 * per grid path after {@code rule} (e.g. {@code rule,synthesiser.expansion,replicate,...}), holding
 * each swept rule's value and empty for the other rules.
 */
public final class MetricsCsv {

  /** The header line. */
  public static final String HEADER = "rule,replicate,phase,epoch,metric,value";
  /** The columns after {@code rule} and the grid columns. */
  private static final List<String> TAIL = List.of("replicate", "phase", "epoch", "metric", "value");

  private MetricsCsv() {
  }

  /** The file's text for {@code rows}, in the given order, without grid columns. */
  public static String format(List<MetricRow> rows) {
    return format(rows, Map.of());
  }

  /**
   * The file's text for {@code rows}, in the given order, with a column per grid path of
   * {@code swept} (rule to its grid values, as {@code Scenario.swept()}).
   */
  public static String format(List<MetricRow> rows, Map<String, Map<String, Object>> swept) {
    Set<String> columns = new LinkedHashSet<>();
    swept.values().forEach(values -> columns.addAll(values.keySet()));
    List<String> header = new ArrayList<>(List.of("rule"));
    header.addAll(columns);
    header.addAll(TAIL);
    List<List<String>> lines = new ArrayList<>(rows.size());
    for (MetricRow r : rows) {
      List<String> fields = new ArrayList<>(header.size());
      fields.add(r.rule());
      Map<String, Object> values = swept.getOrDefault(r.rule(), Map.of());
      columns.forEach(c -> fields.add(values.containsKey(c) ? String.valueOf(values.get(c)) : ""));
      fields.addAll(List.of(Integer.toString(r.replicate()), r.phase(), Integer.toString(r.epoch()), r.metric(),
          Double.toString(r.value())));
      lines.add(fields);
    }
    return Csv.write(header, lines);
  }

  /** Reads a file written by {@link #format}. */
  public static List<MetricRow> read(Path file) throws IOException {
    return parse(file.toString(), Files.readString(file));
  }

  /** Reads the text of a file written by {@link #format}; {@code file} names it in messages. */
  static List<MetricRow> parse(String file, String text) throws IOException {
    Csv.Table table = Csv.read(file, text);
    List<String> header = table.header();
    int fields = header.size();
    if (fields < 1 + TAIL.size() || !header.get(0).equals("rule")
        || !header.subList(fields - TAIL.size(), fields).equals(TAIL)) {
      throw new IOException(file + ": not a ccsim metrics file (expected the header " + HEADER
          + ", with grid columns after rule)");
    }
    int g = fields - 1 - TAIL.size();
    List<MetricRow> rows = new ArrayList<>(table.records().size());
    for (Csv.Record record : table.records()) {
      String[] f = record.fields();
      if (f.length != fields) {
        throw new IOException(file + ":" + record.line() + ": expected " + fields + " fields, found " + f.length);
      }
      try {
        rows.add(new MetricRow(f[0], Integer.parseInt(f[1 + g]), f[2 + g], Integer.parseInt(f[3 + g]), f[4 + g],
            Double.parseDouble(f[5 + g])));
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + record.line() + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }
}
