package org.ccsim.core.report;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccsim.core.results.Divergence;
import org.ccsim.core.results.MetricRow;

/**
 * What the reports make of the (rule, replicate) units that diverged ({@code divergences.csv}). Their
 * learning curves are drawn up to the divergence, but a phase a unit did not finish has no final value:
 * the value last recorded before the divergence would pass for one. So the statistics of a phase
 * ({@link Summary}, {@link Adaptation}) use the replicates that finished it; a diverged unit counts
 * in the phases it finished before.
 */
final class DivergedUnits {

  private DivergedUnits() {
  }

  /** {@code rows} without those of the phase each diverged unit stopped in (it has none after). */
  static List<MetricRow> finishedPhases(List<MetricRow> rows, List<Divergence> divergences) {
    Set<String> unfinished = divergences.stream().map(d -> key(d.rule(), d.replicate(), d.phase()))
        .collect(Collectors.toSet());
    return unfinished.isEmpty() ? rows
        : rows.stream().filter(r -> !unfinished.contains(key(r.rule(), r.replicate(), r.phase()))).toList();
  }

  private static String key(String rule, int replicate, String phase) {
    return rule + '\u0000' + replicate + '\u0000' + phase;
  }

  /** How many units of {@code rule} diverged. */
  static long count(List<Divergence> divergences, String rule) {
    return divergences.stream().filter(d -> d.rule().equals(rule)).count();
  }
}
