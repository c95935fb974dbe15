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

  private SummaryTables() {
  }

  /** Every table, in the order the reports show them. */
  static List<Table> of(List<SummaryRow> summary, List<AdaptationRow> adaptation, List<EventsCsv.Row> events,
      List<Divergence> divergences) {
    List<Table> tables = new ArrayList<>();
    if (!divergences.isEmpty()) {
      tables.add(diverged(divergences));
    }
    Grouping.byKey(summary, SummaryRow::metric).forEach((metric, rows) -> tables.add(finals(metric, rows)));
    Grouping.byKey(adaptation, AdaptationRow::phase).forEach((phase, rows) -> tables.add(adaptation(phase, rows)));
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
    List<Column> columns = List.of(Column.text("rule"), Column.number("replicate"), Column.text("phase"),
        Column.number("epoch"), Column.number("batch"), Column.number("step"), Column.text("quantity"));
    List<List<String>> rows = divergences.stream().map(d -> List.of(d.rule(), Integer.toString(d.replicate()), d.phase(),
        Integer.toString(d.epoch()), Integer.toString(d.batch()),
        d.step() == DivergenceException.NO_STEP ? ReadableNumbers.UNDEFINED : Integer.toString(d.step()),
        d.quantity())).toList();
    return new Table("Diverged", note, columns, rows);
  }

  /** One metric's final value per rule and phase, compared with the first rule. */
  static Table finals(String metric, List<SummaryRow> rows) {
    List<Column> columns = new ArrayList<>(List.of(Column.text("rule"), Column.text("phase"), Column.number("n"),
        Column.number("start")));
    columns.addAll(statistics("final mean", rows.get(0).rule()));
    List<List<String>> cells = new ArrayList<>();
    for (SummaryRow r : rows) {
      List<String> row = new ArrayList<>(List.of(r.rule(), r.phase(), Integer.toString(r.finals().n()),
          readable(r.start())));
      row.addAll(statistics(r.finals()));
      cells.add(row);
    }
    return new Table(metric + ": final value per phase, over replicates", columns, cells);
  }

  /** The adaptation measures of one phase per measure and rule, compared with the first rule. */
  static Table adaptation(String phase, List<AdaptationRow> rows) {
    List<Column> columns = new ArrayList<>(List.of(Column.text("measure"), Column.text("rule"), Column.number("n")));
    columns.addAll(statistics("mean", rows.get(0).rule()));
    List<List<String>> cells = new ArrayList<>();
    for (AdaptationRow r : rows) {
      List<String> row = new ArrayList<>(List.of(r.measure(), r.rule(), Integer.toString(r.stats().n())));
      row.addAll(statistics(r.stats()));
      cells.add(row);
    }
    return new Table("Adaptation in phase " + phase + " (" + Adaptation.METRIC + "), over replicates", columns, cells);
  }

  /** The scenario's events as they reached each rule. */
  static Table events(List<EventsCsv.Row> events) {
    List<Column> columns = List.of(Column.number("epoch"), Column.text("phase"), Column.text("action"),
        Column.text("rule"));
    List<List<String>> rows = events.stream()
        .map(e -> List.of(Integer.toString(e.epoch()), e.phase(), e.action(), e.rule())).toList();
    return new Table("Events", columns, rows);
  }

  /** The columns of {@link #statistics(Comparison)}; {@code mean} names the first. */
  private static List<Column> statistics(String mean, String firstRule) {
    return List.of(Column.number(mean), Column.number("sd"), Column.text("95% CI"),
        Column.number("diff vs " + firstRule), Column.number("d_z"), Column.number("p (paired t)"),
        Column.number("p (Wilcoxon)"), Column.number("r (rank-biserial)"));
  }

  /** A comparison over replicates: mean, sd, interval, difference, effect sizes and p-values. */
  private static List<String> statistics(Comparison c) {
    return List.of(readable(c.mean()), readable(c.sd()), interval(c), readable(c.difference()),
        readable(c.effectSize()), probability(c.pT()), probability(c.pWilcoxon()), readable(c.rankBiserial()));
  }
}
