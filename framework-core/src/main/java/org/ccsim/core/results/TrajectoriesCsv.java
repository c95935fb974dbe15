package org.ccsim.core.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code trajectories.csv}: {@code rule,replicate,phase,epoch,probe,step,y1..yk,target1..targetk},
 * values exact as in {@link MetricsCsv}, through {@link Csv} (a probe label with a comma or a quote is
 * quoted, and reads back as it was).
 */
public final class TrajectoriesCsv {

  private static final List<String> KEYS = List.of("rule", "replicate", "phase", "epoch", "probe", "step");

  private TrajectoriesCsv() {
  }

  /** The file's text; {@code rows} must all have outputs of the same size. */
  public static String format(List<TrajectoryRow> rows) {
    int k = rows.isEmpty() ? 2 : rows.get(0).output().length;
    List<List<String>> lines = new ArrayList<>(rows.size());
    for (TrajectoryRow r : rows) {
      List<String> fields = new ArrayList<>(List.of(r.rule(), Integer.toString(r.replicate()), r.phase(),
          Integer.toString(r.epoch()), r.probe(), Integer.toString(r.step())));
      for (double v : r.output()) {
        fields.add(Double.toString(v));
      }
      for (double v : r.target()) {
        fields.add(Double.toString(v));
      }
      lines.add(fields);
    }
    return Csv.write(header(k), lines);
  }

  private static List<String> header(int k) {
    List<String> header = new ArrayList<>(KEYS);
    for (int i = 1; i <= k; i++) {
      header.add("y" + i);
    }
    for (int i = 1; i <= k; i++) {
      header.add("target" + i);
    }
    return header;
  }

  /** Reads a file written by {@link #format}; a missing file holds no trajectories. */
  public static List<TrajectoryRow> read(Path file) throws IOException {
    return Files.exists(file) ? parse(file.toString(), Files.readString(file)) : new ArrayList<>();
  }

  /** Reads the text of a file written by {@link #format}; {@code file} names it in messages. */
  static List<TrajectoryRow> parse(String file, String text) throws IOException {
    Csv.Table table = Csv.read(file, text);
    int k = (table.header().size() - KEYS.size()) / 2;
    if (k < 1 || !table.header().equals(header(k))) {
      throw new IOException(file + ": not a ccsim trajectories file (expected a header starting "
          + String.join(",", KEYS) + ",y1)");
    }
    List<TrajectoryRow> rows = new ArrayList<>(table.records().size());
    for (Csv.Record record : table.records()) {
      String[] f = record.fields();
      if (f.length != KEYS.size() + 2 * k) {
        throw new IOException(file + ":" + record.line() + ": expected " + (KEYS.size() + 2 * k) + " fields, found "
            + f.length);
      }
      try {
        double[] values = Arrays.stream(f, KEYS.size(), f.length).mapToDouble(Double::parseDouble).toArray();
        rows.add(new TrajectoryRow(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]), f[4],
            Integer.parseInt(f[5]), Arrays.copyOfRange(values, 0, k), Arrays.copyOfRange(values, k, 2 * k)));
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + record.line() + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }
}
