package org.ccsim.core.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which rules a plot draws. A scenario may compare hundreds of rules (a sweep expands one rule into
 * every grid point), and a plot of them all is a legend over an unreadable tangle in a file of
 * hundreds of megabytes. A plot draws the first {@link #MAX} rules in the scenario's order (the order
 * of the result files), and says so in a note; the tables and CSV files keep every rule.
 *
 * @param drawn the rules drawn, in order
 * @param total how many rules there are
 */
record DrawnRules(List<String> drawn, int total) {

  /** The most rules a plot draws: as many as there are colours, so that no two drawn rules share one. */
  static final int MAX = LearningCurves.PALETTE.length;

  /** The first {@link #MAX} of {@code rules}. */
  static DrawnRules first(List<String> rules) {
    return new DrawnRules(List.copyOf(rules.subList(0, Math.min(MAX, rules.size()))), rules.size());
  }

  /** The rows of the drawn rules, in their order. */
  <R> List<R> keep(List<R> rows, Function<R, String> rule) {
    Set<String> kept = new HashSet<>(drawn);
    return rows.stream().filter(r -> kept.contains(rule.apply(r))).toList();
  }

  /** The note a plot carries when it leaves rules out, naming the file that has them all; {@code ""} otherwise. */
  String note(String file) {
    return drawn.size() == total ? ""
        : "first " + drawn.size() + " of " + total + " rules drawn (in the scenario's order); all are in " + file;
  }
}
