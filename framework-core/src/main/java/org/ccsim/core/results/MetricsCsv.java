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
 * The tidy long format {@code rule,replicate,phase,epoch,metric,value}. Values are written with
 * {@link Double#toString}, the shortest text that reads back to the same double, so the file is
 * exact and byte-identical for identical results. A scenario with a {@code sweep} adds one column
 * per grid path after {@code rule} (e.g. {@code rule,synthesiser.expansion,replicate,...}), holding
 * each swept rule's value and empty for the other rules.
 */
public final class MetricsCsv {

  /** The header line. */
  public static final String HEADER = "rule,replicate,phase,epoch,metric,value";

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
    StringBuilder text = new StringBuilder("rule");
    columns.forEach(c -> text.append(',').append(c));
    text.append(HEADER.substring("rule".length())).append('\n');
    for (MetricRow r : rows) {
      text.append(r.rule());
      Map<String, Object> values = swept.getOrDefault(r.rule(), Map.of());
      columns.forEach(c -> text.append(',').append(values.containsKey(c) ? values.get(c) : ""));
      text.append(',').append(r.replicate()).append(',').append(r.phase()).append(',')
          .append(r.epoch()).append(',').append(r.metric()).append(',').append(r.value()).append('\n');
    }
    return text.toString();
  }

  /** Reads a file written by {@link #format}. */
  public static List<MetricRow> read(Path file) throws IOException {
    return parse(file.toString(), Files.readAllLines(file));
  }

  /** Reads the lines of a file written by {@link #format}; {@code file} names it in messages. */
  static List<MetricRow> parse(String file, List<String> lines) throws IOException {
    String tail = HEADER.substring("rule".length());
    if (lines.isEmpty() || !lines.get(0).startsWith("rule") || !lines.get(0).endsWith(tail)) {
      throw new IOException(file + ": not a ccsim metrics file (expected the header " + HEADER
          + ", with grid columns after rule)");
    }
    int fields = lines.get(0).split(",", -1).length;
    int g = fields - 6;
    List<MetricRow> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      if (f.length != fields) {
        throw new IOException(file + ":" + (i + 1) + ": expected " + fields + " fields, found " + f.length);
      }
      try {
        rows.add(new MetricRow(f[0], Integer.parseInt(f[1 + g]), f[2 + g], Integer.parseInt(f[3 + g]), f[4 + g],
            Double.parseDouble(f[5 + g])));
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }
}
