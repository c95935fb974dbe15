package org.ccsim.core.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code trajectories.csv}: {@code rule,replicate,phase,epoch,probe,step,y1..yk,target1..targetk},
 * values exact as in {@link MetricsCsv}. A probe label's commas are written as semicolons.
 */
public final class TrajectoriesCsv {

  private static final String KEYS = "rule,replicate,phase,epoch,probe,step";

  private TrajectoriesCsv() {
  }

  /** The file's text; {@code rows} must all have outputs of the same size. */
  public static String format(List<TrajectoryRow> rows) {
    int k = rows.isEmpty() ? 2 : rows.get(0).output().length;
    StringBuilder text = new StringBuilder(header(k)).append('\n');
    for (TrajectoryRow r : rows) {
      text.append(r.rule()).append(',').append(r.replicate()).append(',').append(r.phase()).append(',')
          .append(r.epoch()).append(',').append(r.probe().replace(',', ';')).append(',').append(r.step());
      for (double v : r.output()) {
        text.append(',').append(v);
      }
      for (double v : r.target()) {
        text.append(',').append(v);
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static String header(int k) {
    StringBuilder header = new StringBuilder(KEYS);
    for (int i = 1; i <= k; i++) {
      header.append(",y").append(i);
    }
    for (int i = 1; i <= k; i++) {
      header.append(",target").append(i);
    }
    return header.toString();
  }

  /** Reads a file written by {@link #format}; a missing file holds no trajectories. */
  public static List<TrajectoryRow> read(Path file) throws IOException {
    return Files.exists(file) ? parse(file.toString(), Files.readAllLines(file)) : new ArrayList<>();
  }

  /** Reads the lines of a file written by {@link #format}; {@code file} names it in messages. */
  static List<TrajectoryRow> parse(String file, List<String> lines) throws IOException {
    List<TrajectoryRow> rows = new ArrayList<>();
    if (lines.isEmpty() || !lines.get(0).startsWith(KEYS + ",y1,")) {
      throw new IOException(file + ": not a ccsim trajectories file (expected a header starting " + KEYS + ",y1)");
    }
    int k = (lines.get(0).split(",").length - 6) / 2;
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      if (f.length != 6 + 2 * k) {
        throw new IOException(file + ":" + (i + 1) + ": expected " + (6 + 2 * k) + " fields, found " + f.length);
      }
      try {
        double[] values = Arrays.stream(f, 6, f.length).mapToDouble(Double::parseDouble).toArray();
        rows.add(new TrajectoryRow(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]), f[4],
            Integer.parseInt(f[5]), Arrays.copyOfRange(values, 0, k), Arrays.copyOfRange(values, k, 2 * k)));
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }
}
