package org.ccsim.core.report;

import java.util.ArrayList;
import java.util.List;
import org.ccsim.core.results.Csv;

/**
 * Writes summaries as CSV ({@link Csv}), with exact values and empty cells where a value is undefined: the
 * measures of the learning curves per metric, phase and rule ({@code summary.csv}), and the adaptation
 * measures per replicate ({@code adaptation.csv}) and over replicates ({@code adaptation-summary.csv}).
 * The readable tables of {@code summary.md} and {@code report.html} come from {@link SummaryTables}.
 */
public final class SummaryFormat {

  private static final List<String> STATS = List.of("mean", "sd", "ci95_low", "ci95_high", "n_pairs",
      "diff_vs_first", "effect_size_dz", "p_paired_t", "p_wilcoxon", "effect_size_rank_biserial");

  private SummaryFormat() {
  }

  /**
   * {@code summary.csv}: one line per metric, measure, phase and rule. The {@code measure} column comes last
   * ({@link Measure#name}), so every other column keeps the place it had before there were measures besides
   * the final value, and the lines whose measure is {@code final} are the file as it was; on the other lines
   * {@code final_mean} and {@code final_sd} hold the mean and sd of their measure.
   */
  public static String csv(List<SummaryRow> rows) {
    List<String> header = new ArrayList<>(List.of("metric", "rule", "phase", "n", "start_mean", "final_mean", "final_sd"));
    header.addAll(STATS.subList(2, STATS.size()));
    header.add("measure");
    return Csv.write(header, rows.stream().map(r -> {
      List<String> fields = fields(List.of(r.metric(), r.rule(), r.phase(), Integer.toString(r.stats().n()),
          exact(r.start())), r.stats());
      fields.add(r.measure().name());
      return fields;
    }).toList());
  }

  /** {@code adaptation.csv}: every measure of every rule, replicate and phase. */
  public static String adaptationCsv(List<Adaptation.Value> values) {
    return Csv.write(List.of("rule", "replicate", "phase", "measure", "value"), values.stream()
        .map(v -> Csv.row(v.rule(), Integer.toString(v.replicate()), v.phase(), v.measure(), exact(v.value()))).toList());
  }

  /** {@code adaptation-summary.csv}: one line per phase, measure and rule. */
  public static String adaptationSummaryCsv(List<AdaptationRow> rows) {
    List<String> header = new ArrayList<>(List.of("phase", "measure", "rule", "n"));
    header.addAll(STATS);
    return Csv.write(header, rows.stream().map(r -> fields(List.of(r.phase(), r.measure(), r.rule(),
        Integer.toString(r.stats().n())), r.stats())).toList());
  }

  /** {@code keys}, then the statistics of {@code c}. */
  private static List<String> fields(List<String> keys, Comparison c) {
    List<String> fields = new ArrayList<>(keys);
    fields.addAll(List.of(exact(c.mean()), exact(c.sd()), exact(c.ciLow()), exact(c.ciHigh()),
        Integer.toString(c.pairs()), exact(c.difference()), exact(c.effectSize()), exact(c.pT()), exact(c.pWilcoxon()),
        exact(c.rankBiserial())));
    return fields;
  }

  private static String exact(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }
}
