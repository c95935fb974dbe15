package org.ccsim.core.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tidy long format {@code rule,replicate,phase,epoch,metric,value}. Values are written with
 * {@link Double#toString}, the shortest text that reads back to the same double, so the file is
 * exact and byte-identical for identical results.
 */
public final class MetricsCsv {

  /** The header line. */
  public static final String HEADER = "rule,replicate,phase,epoch,metric,value";

  private MetricsCsv() {
  }

  /** The file's text for {@code rows}, in the given order. */
  public static String format(List<MetricRow> rows) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (MetricRow r : rows) {
      text.append(r.rule()).append(',').append(r.replicate()).append(',').append(r.phase()).append(',')
          .append(r.epoch()).append(',').append(r.metric()).append(',').append(r.value()).append('\n');
    }
    return text.toString();
  }

  /** Reads a file written by {@link #format}. */
  public static List<MetricRow> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(file + ": not a ccsim metrics file (expected the header " + HEADER + ")");
    }
    List<MetricRow> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      if (f.length != 6) {
        throw new IOException(file + ":" + (i + 1) + ": expected 6 fields, found " + f.length);
      }
      try {
        rows.add(new MetricRow(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]), f[4],
            Double.parseDouble(f[5])));
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }
}
