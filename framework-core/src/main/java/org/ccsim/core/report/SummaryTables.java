package org.ccsim.core.report;

import static org.ccsim.core.report.ReadableNumbers.interval;
import static org.ccsim.core.report.ReadableNumbers.probability;
import static org.ccsim.core.report.ReadableNumbers.readable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ccsim.api.DivergenceException;
import org.ccsim.core.results.Divergence;
import org.ccsim.core.results.EventsCsv;

/**
 * Fills the summary tables of a run once, for both {@code summary.md} and {@code report.html}: the
 * units that diverged (if any); for each metric, its final value per rule and phase, its value at the
 * chosen epochs and the area under its learning curve per phase (each when the summary has it,
 * {@link Measure}); the adaptation measures of each phase, and the events (if any), in that order.
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
    Grouping.byKey(summary, SummaryRow::metric).forEach((metric, rows) -> tables.addAll(measures(metric, rows)));
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

  /** The tables of one metric's summary rows: final values, values at the chosen epochs, areas; those it has. */
  static List<Table> measures(String metric, List<SummaryRow> rows) {
    List<Table> tables = new ArrayList<>();
    List<SummaryRow> finals = rows.stream().filter(r -> r.measure() instanceof Measure.Final).toList();
    List<SummaryRow> atEpochs = rows.stream().filter(r -> r.measure() instanceof Measure.AtEpoch).toList();
    List<SummaryRow> areas = rows.stream().filter(r -> r.measure() instanceof Measure.Auc).toList();
    if (!finals.isEmpty()) {
      tables.add(finals(metric, finals));
    }
    if (!atEpochs.isEmpty()) {
      tables.add(atEpochs(metric, atEpochs));
    }
    if (!areas.isEmpty()) {
      tables.add(areas(metric, areas));
    }
    return tables;
  }

  /** One metric's final value per rule and phase, compared with the first rule. */
  static Table finals(String metric, List<SummaryRow> rows) {
    return comparisons(metric + ": final value per phase, over replicates", "",
        List.of(RULE, PHASE, N,
            Column.number("start", "mean over replicates of the first value recorded in the phase")),
        r -> List.of(r.rule(), r.phase(), Integer.toString(r.stats().n()), readable(r.start())),
        Column.number("final mean", "mean over replicates of the last value recorded in the phase"), rows);
  }

  /** One metric's value at each chosen epoch per rule, in the phase holding it, compared with the first rule. */
  static Table atEpochs(String metric, List<SummaryRow> rows) {
    return comparisons(metric + ": value at chosen epochs (summary.atEpochs), over replicates", "",
        List.of(Column.number("epoch", "the epoch, counted from 1 across phases as in metrics.csv"),
            RULE, Column.text("phase", "the phase of the scenario the epoch lies in"), N),
        r -> List.of(Integer.toString(((Measure.AtEpoch) r.measure()).epoch()), r.rule(), r.phase(),
            Integer.toString(r.stats().n())),
        Column.number("mean", "mean over replicates of the value recorded at the epoch"), rows);
  }

  /** The area under one metric's learning curve per rule and phase, compared with the first rule. */
  static Table areas(String metric, List<SummaryRow> rows) {
    String note = "The area under a replicate's learning curve in a phase is the mean of its " + metric
        + " over the epochs recorded in the phase (every epoch, or each phase's first and last epoch and the"
        + " multiples of record.every). Of two rules that end at the same value, the one that got there sooner"
        + " has the area nearer to that value (the smaller for a loss).";
    return comparisons(metric + ": area under the learning curve per phase, over replicates", note,
        List.of(RULE, PHASE, N), r -> List.of(r.rule(), r.phase(), Integer.toString(r.stats().n())),
        Column.number("mean", "mean over replicates of the area: each replicate's mean over the phase's recorded"
            + " epochs"), rows);
  }

  /**
   * A table of one measure's rows: the cells of {@code keys} from each row, then its statistics ({@code mean}
   * the first), compared with the first rule.
   */
  private static Table comparisons(String title, String note, List<Column> keys,
      Function<SummaryRow, List<String>> keyCells, Column mean, List<SummaryRow> rows) {
    List<Column> columns = new ArrayList<>(keys);
    columns.addAll(statistics(mean, rows.get(0).rule()));
    List<List<String>> cells = new ArrayList<>();
    for (SummaryRow r : rows) {
      List<String> row = new ArrayList<>(keyCells.apply(r));
      row.addAll(statistics(r.stats()));
      cells.add(row);
    }
    return new Table(title, note, columns, cells);
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
