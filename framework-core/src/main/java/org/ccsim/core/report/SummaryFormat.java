package org.ccsim.core.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ccsim.api.DivergenceException;
import org.ccsim.core.results.Divergence;
import org.ccsim.core.results.EventsCsv;

/**
 * Writes summaries as CSV (exact values, empty where undefined) and as Markdown (readable): the
 * final values per metric, phase and rule ({@code summary.csv}), the adaptation measures per
 * replicate ({@code adaptation.csv}) and over replicates ({@code adaptation-summary.csv}), and
 * {@code summary.md} with the units that diverged, all of the above and the events.
 */
public final class SummaryFormat {

  private static final String STATS_HEADER =
      "mean,sd,ci95_low,ci95_high,n_pairs,diff_vs_first,effect_size_dz,p_paired_t,p_wilcoxon,effect_size_rank_biserial";
  private static final String MD_STATS_HEADER = " mean | sd | 95% CI | diff vs FIRST | d_z | p (paired t) | p (Wilcoxon) | r (rank-biserial) |\n";
  private static final String MD_STATS_RULE = "---:|---:|---|---:|---:|---:|---:|---:|\n";

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

  /**
   * {@code summary.md}: the units that diverged (if any), a table per metric, the adaptation measures
   * per phase, and the events.
   */
  public static String markdown(List<SummaryRow> rows, List<AdaptationRow> adaptation, List<EventsCsv.Row> events,
      List<Divergence> divergences) {
    StringBuilder text = new StringBuilder(diverged(divergences));
    for (Map.Entry<String, List<SummaryRow>> metric : group(rows, SummaryRow::metric).entrySet()) {
      text.append(text.isEmpty() ? "" : "\n").append("### ").append(metric.getKey())
          .append(": final value per phase, over replicates\n\n| rule | phase | n | start | final")
          .append(MD_STATS_HEADER.replace("FIRST", metric.getValue().get(0).rule())).append("|---|---|---:|---:|").append(MD_STATS_RULE);
      metric.getValue().forEach(r -> text.append("| ").append(r.rule()).append(" | ").append(r.phase()).append(" | ")
          .append(r.finals().n()).append(" | ").append(readable(r.start())).append(" |").append(markdown(r.finals()))
          .append('\n'));
    }
    for (Map.Entry<String, List<AdaptationRow>> phase : group(adaptation, AdaptationRow::phase).entrySet()) {
      text.append("\n### Adaptation in phase ").append(phase.getKey()).append(" (").append(Adaptation.METRIC)
          .append("), over replicates\n\n| measure | rule | n |")
          .append(MD_STATS_HEADER.replace("FIRST", phase.getValue().get(0).rule())).append("|---|---|---:|").append(MD_STATS_RULE);
      phase.getValue().forEach(r -> text.append("| ").append(r.measure()).append(" | ").append(r.rule()).append(" | ")
          .append(r.stats().n()).append(" |").append(markdown(r.stats())).append('\n'));
    }
    if (!events.isEmpty()) {
      text.append("\n### Events\n\n| epoch | phase | action | rule |\n|---:|---|---|---|\n");
      events.forEach(e -> text.append("| ").append(e.epoch()).append(" | ").append(e.phase()).append(" | ")
          .append(e.action()).append(" | ").append(e.rule()).append(" |\n"));
    }
    return text.toString();
  }

  private static String diverged(List<Divergence> divergences) {
    if (divergences.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("### Diverged\n\n").append(divergences.size())
        .append(" (rule, replicate) unit(s) stopped where a quantity became NaN or infinite. Their curves end there;"
            + " the statistics below leave each out of the phase it stopped in and after (see n).\n\n"
            + "| rule | replicate | phase | epoch | batch | step | quantity |\n|---|---:|---|---:|---:|---:|---|\n");
    divergences.forEach(d -> text.append("| ").append(d.rule()).append(" | ").append(d.replicate()).append(" | ")
        .append(d.phase()).append(" | ").append(d.epoch()).append(" | ").append(d.batch()).append(" | ")
        .append(d.step() == DivergenceException.NO_STEP ? "–" : Integer.toString(d.step())).append(" | ")
        .append(d.quantity()).append(" |\n"));
    return text.append('\n').toString();
  }

  private static String markdown(Comparison c) {
    return " " + readable(c.mean()) + " | " + readable(c.sd()) + " | " + interval(c) + " | "
        + readable(c.difference()) + " | " + readable(c.effectSize()) + " | " + probability(c.pT()) + " | "
        + probability(c.pWilcoxon()) + " | " + readable(c.rankBiserial()) + " |";
  }

  /** Rows grouped by a key, in order of first appearance. */
  static <R> Map<String, List<R>> group(List<R> rows, java.util.function.Function<R, String> key) {
    Map<String, List<R>> groups = new LinkedHashMap<>();
    rows.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new java.util.ArrayList<>()).add(r));
    return groups;
  }

  static String interval(Comparison c) {
    return Double.isNaN(c.ciLow()) ? "–" : "[" + readable(c.ciLow()) + ", " + readable(c.ciHigh()) + "]";
  }

  static String probability(double p) {
    return Double.isNaN(p) ? "–" : String.format(Locale.ROOT, "%.3g", p);
  }

  private static String exact(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  static String readable(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4g", v);
  }
}
