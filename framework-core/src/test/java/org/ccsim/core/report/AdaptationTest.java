package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.ccsim.core.results.MetricRow;
import org.junit.jupiter.api.Test;

/**
 * Adaptation measures on synthetic learning curves with known answers: baseline, rotation, washout
 * and re-exposure of 100 epochs each, every epoch recorded.
 */
class AdaptationTest {

  private static final String ROTATION = "{\"type\":\"rotation\",\"degrees\":30.0}";
  private static final List<PhaseInfo> PHASES = List.of(
      new PhaseInfo("baseline", 0, 100, null),
      new PhaseInfo("rotation", 100, 100, ROTATION),
      new PhaseInfo("washout", 200, 100, null),
      new PhaseInfo("re-exposure", 300, 100, ROTATION));

  /** {@code c + a exp(-(k - 1) / tau)} for the 100 epochs of a phase. */
  private static IntToDoubleFunction exponential(double c, double a, double tau) {
    return k -> c + a * Math.exp(-(k - 1) / tau);
  }

  private static List<MetricRow> curve(String rule, int replicate, IntToDoubleFunction... phases) {
    List<MetricRow> rows = new ArrayList<>();
    for (int p = 0; p < phases.length; p++) {
      for (int k = 1; k <= 100; k++) {
        rows.add(new MetricRow(rule, replicate, PHASES.get(p).name(), 100 * p + k, "loss", phases[p].applyAsDouble(k)));
      }
    }
    return rows;
  }

  private static double measure(List<Adaptation.Value> values, String phase, String measure) {
    return values.stream().filter(v -> v.phase().equals(phase) && v.measure().equals(measure))
        .findFirst().orElseThrow(() -> new AssertionError("no " + measure + " in " + phase)).value();
  }

  private final List<Adaptation.Value> values = Adaptation.of(curve("bptt", 1,
      exponential(0.5, 20, 10), exponential(1, 30, 8), exponential(0.5, 6, 3), exponential(1, 25, 4)), PHASES);

  @Test
  void timeConstantOfAnExponentialIsFound() {
    assertEquals(10, measure(values, "baseline", "tau"), 1e-6);
    assertEquals(8, measure(values, "rotation", "tau"), 1e-6);
    assertEquals(4, measure(values, "re-exposure", "tau"), 1e-6);
  }

  @Test
  void initialErrorAndAsymptote() {
    assertEquals(31, measure(values, "rotation", "initial"), 1e-12);
    // the last 20 epochs are within 30 exp(-80 / 8) = 1.4e-3 of the asymptote 1
    assertEquals(1, measure(values, "rotation", "asymptote"), 2e-3);
  }

  @Test
  void epochsToHalveTheErrorAreTauLn2RoundedUp() {
    // halfway from 31 to ~1 is reached when exp(-(k - 1) / 8) <= 1/2, i.e. k - 1 >= 8 ln 2 = 5.55
    assertEquals(6, measure(values, "rotation", "epochs-to-half"), 0.0);
    assertEquals(7, measure(values, "baseline", "epochs-to-half"), 0.0, "10 ln 2 = 6.93");
  }

  @Test
  void afterEffectIsTheWashoutsInitialErrorAboveTheBaselineAsymptote() {
    // washout starts at 0.5 + 6 = 6.5; the baseline settles at 0.5 (+ 20 exp(-8) = 0.007 at epoch 81)
    assertEquals(6.0, measure(values, "washout", "after-effect"), 5e-3);
  }

  @Test
  void savingsIsTheFasterTimeConstantOnReExposure() {
    assertEquals(8 - 4, measure(values, "re-exposure", "savings"), 1e-6);
  }

  @Test
  void afterEffectAndSavingsOnlyWhereTheyMeanSomething() {
    List<String> measured = values.stream().map(v -> v.phase() + "/" + v.measure()).toList();
    assertFalse(measured.contains("rotation/after-effect"));
    assertFalse(measured.contains("rotation/savings"), "first exposure");
    assertFalse(measured.contains("baseline/after-effect"));
    assertFalse(measured.contains("washout/savings"));
  }

  @Test
  void aCurveThatDoesNotFallHasNoHalvingTime() {
    List<Adaptation.Value> rising = Adaptation.of(curve("bptt", 1, k -> k, k -> k), PHASES.subList(0, 2));
    assertTrue(Double.isNaN(measure(rising, "baseline", "epochs-to-half")));
  }

  /** The quickstart: one phase, nothing to adapt to, so no adaptation measures (its learning speed is in the curves). */
  @Test
  void aRunWithoutAPerturbedPhaseHasNoMeasures() {
    List<MetricRow> rows = curve("bptt", 1, exponential(0.5, 20, 10), exponential(0.5, 6, 3));
    List<PhaseInfo> unperturbed = List.of(PHASES.get(0), new PhaseInfo("more", 100, 100, null));

    assertTrue(Adaptation.of(rows, unperturbed).isEmpty());
    assertTrue(Adaptation.of(rows.subList(0, 100), PHASES.subList(0, 1)).isEmpty());
  }

  @Test
  void summaryComparesEachRuleWithTheFirstOnTheSameReplicates() {
    List<MetricRow> rows = new ArrayList<>();
    double[] slow = {8, 9, 10};
    for (int r = 0; r < 3; r++) {
      rows.addAll(curve("bptt", r + 1, exponential(0.5, 20, 5), exponential(1, 30, 4)));
      rows.addAll(curve("tbptt-1", r + 1, exponential(0.5, 20, 5), exponential(1, 30, slow[r])));
    }
    List<AdaptationRow> summary = Adaptation.summarise(Adaptation.of(rows, PHASES.subList(0, 2)));

    AdaptationRow tau = summary.stream().filter(s -> s.rule().equals("tbptt-1") && s.phase().equals("rotation")
        && s.measure().equals("tau")).findFirst().orElseThrow();
    assertEquals(3, tau.stats().n());
    assertEquals(9, tau.stats().mean(), 1e-6);
    assertEquals(5, tau.stats().difference(), 1e-6);
    AdaptationRow first = summary.stream().filter(s -> s.rule().equals("bptt")).findFirst().orElseThrow();
    assertTrue(Double.isNaN(first.stats().difference()));
  }
}
