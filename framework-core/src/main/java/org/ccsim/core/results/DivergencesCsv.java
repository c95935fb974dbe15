package org.ccsim.core.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ccsim.api.DivergenceException;

/**
 * {@code divergences.csv}: {@code rule,replicate,phase,epoch,batch,step,quantity}, one line per
 * (rule, replicate) that diverged, written only when one did, through {@link Csv}. {@code step} is
 * empty for a quantity of no single step.
 */
public final class DivergencesCsv {

  /** The header line. */
  public static final String HEADER = "rule,replicate,phase,epoch,batch,step,quantity";
  private static final List<String> COLUMNS = List.of(HEADER.split(","));

  private DivergencesCsv() {
  }

  /** The file's text. */
  public static String format(List<Divergence> rows) {
    return Csv.write(COLUMNS, rows.stream().map(d -> Csv.row(d.rule(), Integer.toString(d.replicate()), d.phase(),
        Integer.toString(d.epoch()), Integer.toString(d.batch()),
        d.step() == DivergenceException.NO_STEP ? "" : Integer.toString(d.step()), d.quantity())).toList());
  }

  /** Reads a file written by {@link #format}; a missing file means no unit diverged. */
  public static List<Divergence> read(Path file) throws IOException {
    List<Divergence> rows = new ArrayList<>();
    if (!Files.exists(file)) {
      return rows;
    }
    Csv.Table table = Csv.read(file.toString(), Files.readString(file));
    if (!table.header().equals(COLUMNS)) {
      throw new IOException(file + ": not a ccsim divergences file (expected the header " + HEADER + ")");
    }
    for (Csv.Record record : table.records()) {
      String[] f = record.fields();
      if (f.length != COLUMNS.size()) {
        throw new IOException(file + ":" + record.line() + ": expected " + COLUMNS.size() + " fields, found " + f.length);
      }
      try {
        rows.add(new Divergence(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]),
            f[5].isEmpty() ? DivergenceException.NO_STEP : Integer.parseInt(f[5]), f[6]));
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + record.line() + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }
}
