package org.ccsim.core.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code trajectories.csv}: {@code rule,replicate,phase,epoch,probe,step,scored,y1..yk,target1..targetk},
 * {@code scored} {@code 1} on a step the task scores and {@code 0} on one it does not, values exact as
 * in {@link MetricsCsv}, through {@link Csv} (a probe label with a comma or a quote is quoted, and reads
 * back as it was). A file written before the {@code scored} column existed reads as every step scored.
 */
public final class TrajectoriesCsv {

  private static final List<String> KEYS = List.of("rule", "replicate", "phase", "epoch", "probe", "step", "scored");
  /** The keys of files written before the {@code scored} column. */
  private static final List<String> KEYS_WITHOUT_SCORED = KEYS.subList(0, KEYS.size() - 1);

  private TrajectoriesCsv() {
  }

  /** The file's text; {@code rows} must all have outputs of the same size. */
  public static String format(List<TrajectoryRow> rows) {
    int k = rows.isEmpty() ? 2 : rows.get(0).output().length;
    List<List<String>> lines = new ArrayList<>(rows.size());
    for (TrajectoryRow r : rows) {
      List<String> fields = new ArrayList<>(List.of(r.rule(), Integer.toString(r.replicate()), r.phase(),
          Integer.toString(r.epoch()), r.probe(), Integer.toString(r.step()), r.scored() ? "1" : "0"));
      for (double v : r.output()) {
        fields.add(Double.toString(v));
      }
      for (double v : r.target()) {
        fields.add(Double.toString(v));
      }
      lines.add(fields);
    }
    return Csv.write(header(KEYS, k), lines);
  }

  private static List<String> header(List<String> keys, int k) {
    List<String> header = new ArrayList<>(keys);
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
    boolean hasScored = table.header().contains("scored");
    List<String> keys = hasScored ? KEYS : KEYS_WITHOUT_SCORED;
    int k = (table.header().size() - keys.size()) / 2;
    if (k < 1 || !table.header().equals(header(keys, k))) {
      throw new IOException(file + ": not a ccsim trajectories file (expected a header starting "
          + String.join(",", KEYS) + ",y1)");
    }
    List<TrajectoryRow> rows = new ArrayList<>(table.records().size());
    for (Csv.Record record : table.records()) {
      String[] f = record.fields();
      if (f.length != keys.size() + 2 * k) {
        throw new IOException(file + ":" + record.line() + ": expected " + (keys.size() + 2 * k) + " fields, found "
            + f.length);
      }
      try {
        double[] values = Arrays.stream(f, keys.size(), f.length).mapToDouble(Double::parseDouble).toArray();
        rows.add(new TrajectoryRow(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]), f[4],
            Integer.parseInt(f[5]), !hasScored || scored(f[6]), Arrays.copyOfRange(values, 0, k),
            Arrays.copyOfRange(values, k, 2 * k)));
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + record.line() + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }

  private static boolean scored(String field) {
    return switch (field) {
      case "1" -> true;
      case "0" -> false;
      default -> throw new NumberFormatException("scored must be 1 or 0, found '" + field + "'");
    };
  }
}
