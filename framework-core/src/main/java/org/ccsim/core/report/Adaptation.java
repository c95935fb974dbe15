package org.ccsim.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ccsim.core.results.MetricRow;

/**
 * Adaptation measures of a learning curve, per rule, replicate and phase, as motor-learning studies
 * report them, computed from the recorded {@code loss} (the error) with k counting a phase's epochs
 * from 1:
 * <ul>
 *   <li>{@code initial}: the error at the first recorded epoch of the phase;</li>
 *   <li>{@code asymptote}: the mean error over the last fifth of the phase's recorded epochs;</li>
 *   <li>{@code epochs-to-half}: epochs after the first until the error first falls halfway from
 *       {@code initial} to {@code asymptote} ({@code NaN} if it does not fall);</li>
 *   <li>{@code tau}: the time constant of {@code c + a exp(-(k - 1) / tau)} fitted to the phase
 *       ({@link ExponentialFit});</li>
 *   <li>{@code after-effect}, for a phase without perturbation that follows a perturbed one: its
 *       {@code initial} minus the {@code asymptote} of the baseline, the last phase without
 *       perturbation before the first perturbed one;</li>
 *   <li>{@code savings}, for a perturbed phase whose perturbation an earlier phase already had:
 *       {@code tau} of that first exposure minus {@code tau} here (positive: faster re-adaptation).</li>
 * </ul>
 * Record every epoch for these to mean what they say.
 */
public final class Adaptation {

  /** The metric the measures are computed from. */
  public static final String METRIC = "loss";
  /** The measures, in the order reports list them. */
  public static final List<String> MEASURES =
      List.of("initial", "asymptote", "epochs-to-half", "tau", "after-effect", "savings");

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

  /** Every measure, ordered by rule (first appearance), replicate, phase, then measure. */
  public static List<Value> of(List<MetricRow> rows, List<PhaseInfo> phases) {
    List<MetricRow> loss = rows.stream().filter(r -> r.metric().equals(METRIC)).toList();
    List<Value> values = new ArrayList<>();
    int baseline = baseline(phases);
    for (String rule : Summary.ordered(loss, MetricRow::rule)) {
      Map<Integer, List<MetricRow>> byReplicate = new TreeMap<>();
      loss.stream().filter(r -> r.rule().equals(rule))
          .forEach(r -> byReplicate.computeIfAbsent(r.replicate(), x -> new ArrayList<>()).add(r));
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
    }
    return values;
  }

  /** The measures summarised per rule, phase and measure, each rule compared with the first. */
  public static List<AdaptationRow> summarise(List<Value> values) {
    List<AdaptationRow> summary = new ArrayList<>();
    List<String> rules = values.stream().map(Value::rule).distinct().toList();
    List<String> phases = values.stream().map(Value::phase).distinct().toList();
    for (String phase : phases) {
      for (String measure : MEASURES) {
        Map<Integer, Double> reference = select(values, rules.isEmpty() ? null : rules.get(0), phase, measure);
        for (String rule : rules) {
          Map<Integer, Double> own = select(values, rule, phase, measure);
          if (!own.isEmpty()) {
            summary.add(new AdaptationRow(rule, phase, measure,
                Comparison.of(own, rule.equals(rules.get(0)) ? null : reference)));
          }
        }
      }
    }
    return summary;
  }

  private static Map<Integer, Double> select(List<Value> values, String rule, String phase, String measure) {
    Map<Integer, Double> selected = new TreeMap<>();
    values.stream().filter(v -> v.rule().equals(rule) && v.phase().equals(phase) && v.measure().equals(measure))
        .forEach(v -> selected.put(v.replicate(), v.value()));
    return selected;
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
