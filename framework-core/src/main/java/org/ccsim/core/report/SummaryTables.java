package org.ccsim.core.report;

import static org.ccsim.core.report.ReadableNumbers.interval;
import static org.ccsim.core.report.ReadableNumbers.probability;
import static org.ccsim.core.report.ReadableNumbers.readable;

import java.util.ArrayList;
import java.util.List;
import org.ccsim.api.DivergenceException;
import org.ccsim.core.results.Divergence;
import org.ccsim.core.results.EventsCsv;

/**
 * Fills the summary tables of a run once, for both {@code summary.md} and {@code report.html}: the
 * units that diverged (if any), the final values of each metric per rule and phase, the adaptation
 * measures of each phase, and the events (if any), in that order.
 */
final class SummaryTables {

  private static final Column RULE = Column.text("rule", "the learning rule, as named in the scenario");
  private static final Column PHASE = Column.text("phase", "the phase of the scenario");
  private static final Column N = Column.number("n",
      "replicates with a value (a failed fit has none; a replicate that diverged counts only in the phases it"
          + " finished)");

  private SummaryTables() {
  }

  /**
   * Every table, in the order the reports show them; {@code recording} warns about the adaptation
   * measures ({@link RecordingCheck#warning}), or is {@code ""}.
   */
  static List<Table> of(List<SummaryRow> summary, List<AdaptationRow> adaptation, String recording,
      List<EventsCsv.Row> events, List<Divergence> divergences) {
    List<Table> tables = new ArrayList<>();
    if (!divergences.isEmpty()) {
      tables.add(diverged(divergences));
    }
    Grouping.byKey(summary, SummaryRow::metric).forEach((metric, rows) -> tables.add(finals(metric, rows)));
    Grouping.byKey(adaptation, AdaptationRow::phase)
        .forEach((phase, rows) -> tables.add(adaptation(phase, rows, recording)));
    if (!events.isEmpty()) {
      tables.add(events(events));
    }
    return tables;
  }

  /** The (rule, replicate) units that diverged, where, and what. */
  static Table diverged(List<Divergence> divergences) {
    String note = divergences.size() + " (rule, replicate) unit(s) stopped where a quantity became NaN or infinite"
        + " or the loss exploded."
        + " Their curves end there (×); the statistics below leave each out of the phase it stopped in and after"
        + " (see n).";
    List<Column> columns = List.of(RULE, Column.number("replicate", "the replicate, from 1"), PHASE,
        Column.number("epoch", "the epoch it stopped in, counted from 1 across phases"),
        Column.number("batch", "the batch of that epoch, from 1"),
        Column.number("step", "the step of the episode, from 0 (– when the check is not at a step)"),
        Column.text("quantity", "what became NaN or infinite"));
    List<List<String>> rows = divergences.stream().map(d -> List.of(d.rule(), Integer.toString(d.replicate()), d.phase(),
        Integer.toString(d.epoch()), Integer.toString(d.batch()),
        d.step() == DivergenceException.NO_STEP ? ReadableNumbers.UNDEFINED : Integer.toString(d.step()),
        d.quantity())).toList();
    return new Table("Diverged", note, columns, rows);
  }

  /** One metric's final value per rule and phase, compared with the first rule. */
  static Table finals(String metric, List<SummaryRow> rows) {
    List<Column> columns = new ArrayList<>(List.of(RULE, PHASE, N,
        Column.number("start", "mean over replicates of the first value recorded in the phase")));
    Column finalMean = Column.number("final mean", "mean over replicates of the last value recorded in the phase");
    columns.addAll(statistics(finalMean, rows.get(0).rule()));
    List<List<String>> cells = new ArrayList<>();
    for (SummaryRow r : rows) {
      List<String> row = new ArrayList<>(List.of(r.rule(), r.phase(), Integer.toString(r.finals().n()),
          readable(r.start())));
      row.addAll(statistics(r.finals()));
      cells.add(row);
    }
    return new Table(metric + ": final value per phase, over replicates", columns, cells);
  }

  /**
   * The adaptation measures of one phase per measure and rule, compared with the first rule; the note
   * defines the measures the phase has, and gives {@code recording}'s warning if there is one.
   */
  static Table adaptation(String phase, List<AdaptationRow> rows, String recording) {
    List<Column> columns = new ArrayList<>(List.of(Column.text("measure", "the adaptation measure (defined above)"),
        RULE, N));
    columns.addAll(statistics(Column.number("mean", "mean of the measure over replicates"), rows.get(0).rule()));
    List<List<String>> cells = new ArrayList<>();
    for (AdaptationRow r : rows) {
      List<String> row = new ArrayList<>(List.of(r.measure(), r.rule(), Integer.toString(r.stats().n())));
      row.addAll(statistics(r.stats()));
      cells.add(row);
    }
    List<String> definitions = rows.stream().map(AdaptationRow::measure).distinct()
        .map(m -> m + ": " + Adaptation.DEFINITIONS.get(m)).toList();
    String note = "Measures of each replicate's " + Adaptation.METRIC + " in this phase (k counts its epochs from 1),"
        + " over replicates. " + String.join("; ", definitions) + "."
        + (recording.isEmpty() ? "" : " Warning: " + recording + ".");
    return new Table("Adaptation in phase " + phase + " (" + Adaptation.METRIC + "), over replicates", note, columns,
        cells);
  }

  /** The scenario's events as they reached each rule. */
  static Table events(List<EventsCsv.Row> events) {
    List<Column> columns = List.of(Column.number("epoch", "the epoch before whose first batch the action happened"),
        PHASE, Column.text("action", "what the rule did (an action its type declares)"), RULE);
    List<List<String>> rows = events.stream()
        .map(e -> List.of(Integer.toString(e.epoch()), e.phase(), e.action(), e.rule())).toList();
    return new Table("Events", columns, rows);
  }

  /** The columns of {@link #statistics(Comparison)}, {@code mean} the first, compared with {@code firstRule}. */
  private static List<Column> statistics(Column mean, String firstRule) {
    return List.of(mean, Column.number("sd", "sample standard deviation over replicates"),
        Column.text("95% CI", "95 % t-interval of the mean (t distribution with n - 1 degrees of freedom)"),
        Column.number("diff vs " + firstRule, "mean paired difference, this rule minus " + firstRule
            + ", over the replicates where both have a value (same initial weights and episodes)"),
        Column.number("d_z", "Cohen's d_z: the mean paired difference over the sd of the paired differences"),
        Column.number("p (paired t)", "two-sided paired t-test against " + firstRule),
        Column.number("p (Wilcoxon)", "two-sided Wilcoxon signed-rank test against " + firstRule
            + " (exact up to 30 pairs)"),
        Column.number("r (rank-biserial)", "the Wilcoxon test's effect size, from -1 to 1; positive when this rule's"
            + " values are larger"));
  }

  /** A comparison over replicates: mean, sd, interval, difference, effect sizes and p-values. */
  private static List<String> statistics(Comparison c) {
    return List.of(readable(c.mean()), readable(c.sd()), interval(c), readable(c.difference()),
        readable(c.effectSize()), probability(c.pT()), probability(c.pWilcoxon()), readable(c.rankBiserial()));
  }
}
