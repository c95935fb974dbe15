package org.ccsim.core.report;

import java.util.List;
import java.util.Locale;

/** Writes {@link SummaryRow}s as {@code summary.csv} (exact) and {@code summary.md} (readable). */
public final class SummaryFormat {

  private SummaryFormat() {
  }

  /** One line per row, values exact; empty fields where undefined. */
  public static String csv(List<SummaryRow> rows) {
    StringBuilder text = new StringBuilder(
        "metric,rule,phase,n,start_mean,final_mean,final_sd,ci95_low,ci95_high,diff_vs_first,effect_size_dz,p_paired_t\n");
    for (SummaryRow r : rows) {
      text.append(String.join(",", r.metric(), r.rule(), r.phase(), Integer.toString(r.n()),
          exact(r.start()), exact(r.mean()), exact(r.sd()), exact(r.ciLow()), exact(r.ciHigh()),
          exact(r.differenceToFirst()), exact(r.effectSize()), exact(r.pValue()))).append('\n');
    }
    return text.toString();
  }

  /** A Markdown table per metric. */
  public static String markdown(List<SummaryRow> rows) {
    StringBuilder text = new StringBuilder();
    String metric = null;
    for (SummaryRow r : rows) {
      if (!r.metric().equals(metric)) {
        metric = r.metric();
        String first = rows.stream().filter(s -> s.metric().equals(r.metric())).findFirst().orElseThrow().rule();
        text.append(text.isEmpty() ? "" : "\n").append("### ").append(metric)
            .append(": final value per phase, over replicates\n\n")
            .append("| rule | phase | n | start | final mean | sd | 95% CI | diff vs ").append(first)
            .append(" | d_z | p (paired t) |\n")
            .append("|---|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
      }
      text.append("| ").append(r.rule()).append(" | ").append(r.phase()).append(" | ").append(r.n())
          .append(" | ").append(readable(r.start())).append(" | ").append(readable(r.mean()))
          .append(" | ").append(readable(r.sd()))
          .append(" | ").append(Double.isNaN(r.ciLow()) ? "–" : "[" + readable(r.ciLow()) + ", " + readable(r.ciHigh()) + "]")
          .append(" | ").append(readable(r.differenceToFirst())).append(" | ").append(readable(r.effectSize()))
          .append(" | ").append(Double.isNaN(r.pValue()) ? "–" : String.format(Locale.ROOT, "%.3g", r.pValue()))
          .append(" |\n");
    }
    return text.toString();
  }

  private static String exact(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  private static String readable(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4g", v);
  }
}
