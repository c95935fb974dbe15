package org.ccsim.core.report;

import java.util.List;

/**
 * Writes summaries as CSV, with exact values and empty cells where a value is undefined: the final
 * values per metric, phase and rule ({@code summary.csv}), and the adaptation measures per replicate
 * ({@code adaptation.csv}) and over replicates ({@code adaptation-summary.csv}). The readable
 * tables of {@code summary.md} and {@code report.html} come from {@link SummaryTables}.
 */
public final class SummaryFormat {

  private static final String STATS_HEADER =
      "mean,sd,ci95_low,ci95_high,n_pairs,diff_vs_first,effect_size_dz,p_paired_t,p_wilcoxon,effect_size_rank_biserial";

  private SummaryFormat() {
  }

  /** {@code summary.csv}: one line per metric, rule and phase. */
  public static String csv(List<SummaryRow> rows) {
    StringBuilder text = new StringBuilder("metric,rule,phase,n,start_mean,")
        .append(STATS_HEADER.replace("mean,sd", "final_mean,final_sd")).append('\n');
    for (SummaryRow r : rows) {
      text.append(String.join(",", r.metric(), r.rule(), r.phase(), Integer.toString(r.finals().n()), exact(r.start()),
          csv(r.finals()))).append('\n');
    }
    return text.toString();
  }

  /** {@code adaptation.csv}: every measure of every rule, replicate and phase. */
  public static String adaptationCsv(List<Adaptation.Value> values) {
    StringBuilder text = new StringBuilder("rule,replicate,phase,measure,value\n");
    values.forEach(v -> text.append(v.rule()).append(',').append(v.replicate()).append(',').append(v.phase())
        .append(',').append(v.measure()).append(',').append(exact(v.value())).append('\n'));
    return text.toString();
  }

  /** {@code adaptation-summary.csv}: one line per phase, measure and rule. */
  public static String adaptationSummaryCsv(List<AdaptationRow> rows) {
    StringBuilder text = new StringBuilder("phase,measure,rule,n,").append(STATS_HEADER).append('\n');
    rows.forEach(r -> text.append(String.join(",", r.phase(), r.measure(), r.rule(), Integer.toString(r.stats().n()),
        csv(r.stats()))).append('\n'));
    return text.toString();
  }

  private static String csv(Comparison c) {
    return String.join(",", exact(c.mean()), exact(c.sd()), exact(c.ciLow()), exact(c.ciHigh()),
        Integer.toString(c.pairs()), exact(c.difference()), exact(c.effectSize()), exact(c.pT()), exact(c.pWilcoxon()),
        exact(c.rankBiserial()));
  }

  private static String exact(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }
}
