package org.ccsim.core.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ccsim.api.DivergenceException;

/**
 * {@code divergences.csv}: {@code rule,replicate,phase,epoch,batch,step,quantity}, one line per
 * (rule, replicate) that diverged, written only when one did. {@code step} is empty for a quantity of
 * no single step; {@code quantity} is the last field and may hold commas.
 */
public final class DivergencesCsv {

  /** The header line. */
  public static final String HEADER = "rule,replicate,phase,epoch,batch,step,quantity";
  private static final int FIELDS = 7;

  private DivergencesCsv() {
  }

  /** The file's text. */
  public static String format(List<Divergence> rows) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    rows.forEach(d -> text.append(d.rule()).append(',').append(d.replicate()).append(',').append(d.phase()).append(',')
        .append(d.epoch()).append(',').append(d.batch()).append(',')
        .append(d.step() == DivergenceException.NO_STEP ? "" : Integer.toString(d.step())).append(',')
        .append(d.quantity()).append('\n'));
    return text.toString();
  }

  /** Reads a file written by {@link #format}; a missing file means no unit diverged. */
  public static List<Divergence> read(Path file) throws IOException {
    List<Divergence> rows = new ArrayList<>();
    if (!Files.exists(file)) {
      return rows;
    }
    List<String> lines = Files.readAllLines(file);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(file + ": not a ccsim divergences file (expected the header " + HEADER + ")");
    }
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", FIELDS);
      if (f.length != FIELDS) {
        throw new IOException(file + ":" + (i + 1) + ": expected " + FIELDS + " fields, found " + f.length);
      }
      try {
        rows.add(new Divergence(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]),
            f[5].isEmpty() ? DivergenceException.NO_STEP : Integer.parseInt(f[5]), f[6]));
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }
}
