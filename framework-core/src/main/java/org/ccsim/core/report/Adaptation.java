package org.ccsim.core.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ccsim.core.results.MetricRow;

/**
 * Adaptation measures of a learning curve, per rule, replicate and phase, as motor-learning studies
 * report them, computed from the recorded {@code loss} (the error) with k counting a phase's epochs
 * from 1 ({@link #DEFINITIONS}): {@code initial}, {@code asymptote}, {@code epochs-to-half}
 * ({@code NaN} if the error does not fall), {@code tau} ({@link ExponentialFit}), {@code after-effect}
 * (the baseline being the last phase without perturbation before the first perturbed one) and
 * {@code savings}. They describe adaptation to a perturbation, so a run none of whose phases has one
 * gets none: its learning speed is in the learning curves. They count recorded epochs, so they mean
 * what they say only when every epoch is recorded ({@link RecordingCheck}).
 */
public final class Adaptation {

  /** The metric the measures are computed from. */
  public static final String METRIC = "loss";
  /** The measures, in the order reports list them. */
  public static final List<String> MEASURES =
      List.of("initial", "asymptote", "epochs-to-half", "tau", "after-effect", "savings");
  /** What each measure is, as the reports explain it. */
  public static final Map<String, String> DEFINITIONS = Map.of(
      "initial", "the loss at the phase's first epoch",
      "asymptote", "the mean loss over the last fifth of the phase",
      "epochs-to-half", "epochs after the first until the loss first falls halfway from initial to asymptote",
      "tau", "the time constant of c + a exp(-(k - 1) / tau) fitted to the phase",
      "after-effect", "in a phase without perturbation right after a perturbed one, its initial minus the"
          + " baseline's asymptote",
      "savings", "in a perturbed phase whose perturbation an earlier phase had, tau at that first exposure minus"
          + " tau here (positive: faster re-adaptation)");

  /**
   * The measures that cannot be negative: losses ({@code initial}, {@code asymptote}), a count of
   * epochs and a time constant. {@code after-effect} and {@code savings} are differences and can be.
   */
  public static final Set<String> NON_NEGATIVE = Set.of("initial", "asymptote", "epochs-to-half", "tau");

  /** One measure of one rule, replicate and phase. */
  public record Value(String rule, int replicate, String phase, String measure, double value) {
  }

  /** The measures of one phase's curve. */
  private record Curve(double initial, double asymptote, double epochsToHalf, double tau) {
  }

  private Adaptation() {
  }

  /**
   * Every measure, ordered by rule (first appearance), replicate, phase, then measure; none when no
   * phase has a perturbation.
   */
  public static List<Value> of(List<MetricRow> rows, List<PhaseInfo> phases) {
    if (phases.stream().allMatch(p -> p.perturbation() == null)) {
      return List.of();
    }
    List<MetricRow> loss = rows.stream().filter(r -> r.metric().equals(METRIC)).toList();
    List<Value> values = new ArrayList<>();
    int baseline = baseline(phases);
    Grouping.byKey(loss, MetricRow::rule).forEach((rule, ruleRows) -> {
      Map<Integer, List<MetricRow>> byReplicate = new TreeMap<>();
      ruleRows.forEach(r -> byReplicate.computeIfAbsent(r.replicate(), x -> new ArrayList<>()).add(r));
      byReplicate.forEach((replicate, unitRows) -> {
        Curve[] curves = new Curve[phases.size()];
        for (int p = 0; p < phases.size(); p++) {
          curves[p] = curve(unitRows, phases.get(p));
        }
        for (int p = 0; p < phases.size(); p++) {
          if (curves[p] == null) {
            continue;
          }
          String phase = phases.get(p).name();
          values.add(new Value(rule, replicate, phase, "initial", curves[p].initial()));
          values.add(new Value(rule, replicate, phase, "asymptote", curves[p].asymptote()));
          values.add(new Value(rule, replicate, phase, "epochs-to-half", curves[p].epochsToHalf()));
          values.add(new Value(rule, replicate, phase, "tau", curves[p].tau()));
          if (isWashout(phases, p) && baseline >= 0 && curves[baseline] != null) {
            values.add(new Value(rule, replicate, phase, "after-effect", curves[p].initial() - curves[baseline].asymptote()));
          }
          int first = firstExposure(phases, p);
          if (first >= 0 && curves[first] != null) {
            values.add(new Value(rule, replicate, phase, "savings", curves[first].tau() - curves[p].tau()));
          }
        }
      });
    });
    return values;
  }

  /** The measures summarised per rule, phase and measure, each rule compared with the first. */
  public static List<AdaptationRow> summarise(List<Value> values) {
    List<AdaptationRow> summary = new ArrayList<>();
    List<String> rules = values.stream().map(Value::rule).distinct().toList();
    List<String> phases = values.stream().map(Value::phase).distinct().toList();
    Map<List<String>, Map<Integer, Double>> byReplicate = new HashMap<>();
    values.forEach(v -> byReplicate.computeIfAbsent(List.of(v.rule(), v.phase(), v.measure()), k -> new TreeMap<>())
        .put(v.replicate(), v.value()));
    for (String phase : phases) {
      for (String measure : MEASURES) {
        Map<Integer, Double> reference = rules.isEmpty() ? Map.of()
            : byReplicate.getOrDefault(List.of(rules.get(0), phase, measure), Map.of());
        for (String rule : rules) {
          Map<Integer, Double> own = byReplicate.getOrDefault(List.of(rule, phase, measure), Map.of());
          if (!own.isEmpty()) {
            summary.add(new AdaptationRow(rule, phase, measure,
                Comparison.of(own, rule.equals(rules.get(0)) ? null : reference)));
          }
        }
      }
    }
    return summary;
  }

  private static Curve curve(List<MetricRow> unitRows, PhaseInfo phase) {
    List<MetricRow> points = unitRows.stream().filter(r -> r.phase().equals(phase.name()))
        .sorted(java.util.Comparator.comparingInt(MetricRow::epoch)).toList();
    if (points.isEmpty()) {
      return null;
    }
    double[] k = points.stream().mapToDouble(r -> r.epoch() - phase.epochsBefore()).toArray();
    double[] y = points.stream().mapToDouble(MetricRow::value).toArray();
    int tail = Math.max(1, y.length / 5);
    double asymptote = java.util.Arrays.stream(y, y.length - tail, y.length).average().orElseThrow();
    double halfway = y[0] - (y[0] - asymptote) / 2;
    double epochsToHalf = Double.NaN;
    for (int i = 0; i < y.length && y[0] > asymptote; i++) {
      if (y[i] <= halfway) {
        epochsToHalf = k[i] - k[0];
        break;
      }
    }
    double guess = Double.isNaN(epochsToHalf) ? k[k.length - 1] / 5 : epochsToHalf / Math.log(2);
    return new Curve(y[0], asymptote, epochsToHalf, ExponentialFit.tau(k, y, guess));
  }

  /** The last unperturbed phase before the first perturbed one, or -1. */
  private static int baseline(List<PhaseInfo> phases) {
    int baseline = -1;
    for (int p = 0; p < phases.size() && phases.get(p).perturbation() == null; p++) {
      baseline = p;
    }
    return baseline < phases.size() - 1 ? baseline : -1;
  }

  private static boolean isWashout(List<PhaseInfo> phases, int p) {
    return p > 0 && phases.get(p).perturbation() == null && phases.get(p - 1).perturbation() != null;
  }

  /** The first earlier phase with the same perturbation as phase p, or -1. */
  private static int firstExposure(List<PhaseInfo> phases, int p) {
    String perturbation = phases.get(p).perturbation();
    for (int q = 0; q < p && perturbation != null; q++) {
      if (perturbation.equals(phases.get(q).perturbation())) {
        return q;
      }
    }
    return -1;
  }
}
