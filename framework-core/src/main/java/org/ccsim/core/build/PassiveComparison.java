package org.ccsim.core.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccsim.api.DivergenceException;
import org.ccsim.api.Episode;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Snapshot;
import org.ccsim.core.results.SnapshotStore;

/**
 * The passive comparison a leading unit runs ({@code compare} in a scenario; Marschall, Cho &amp; Savin,
 * JMLR 2020, §5): at its first batch and every {@code every}-th after, each following rule computes its
 * gradient estimate on the leader's batch at the weights the leader starts that batch from, and hands
 * it over without changing the network (its own groups, a synthesiser's say, do train). Every estimate,
 * the leader's own summed gradient of the batch included, is then compared, over the network's groups
 * but its readout (as {@link UpdateAlignment} does), with full BPTT's gradient of the batch and with
 * each other. Recorded per rule: {@value #ALIGNMENT} (the cosine with BPTT's gradient),
 * {@value #NORM_RATIO} (the estimate's norm over BPTT's) and {@value #COSINE}{@code OTHER} for every
 * other compared rule.
 *
 * <p>A follower whose estimate diverges leaves the comparison for the rest of the run; the leader trains on.
 */
final class PassiveComparison {

  static final String ALIGNMENT = "gradient-alignment";
  static final String NORM_RATIO = "gradient-norm-ratio";
  static final String COSINE = "cosine/";

  private static final String PREFIX = "compare/";
  private static final String SUMS = PREFIX + "metric-sums/";

  private final Network network;
  private final String leader;
  private final int every;
  private final Map<String, TrainingUnit> followers;
  /** The leader, then every follower, in the scenario's order: the order of the recorded rules and cosines. */
  private final List<String> rules;
  private final Map<String, Map<String, double[]>> sums = new LinkedHashMap<>();
  private long batches;

  /** Compares {@code leader} with {@code followers} (by rule, in order), units of the leader's replicate. */
  PassiveComparison(Network network, String leader, int every, Map<String, TrainingUnit> followers) {
    this.network = network;
    this.leader = leader;
    this.every = every;
    this.followers = new LinkedHashMap<>(followers);
    this.rules = new ArrayList<>(List.of(leader));
    this.rules.addAll(followers.keySet());
  }

  /** Whether the batch the leader starts now is compared; counts the batch. */
  boolean startsBatch() {
    return batches++ % every == 0;
  }

  /** Each follower's estimate on {@code batch} at the weights {@code at}, by rule. */
  Map<String, ParameterSet> estimates(List<Episode> batch, ParameterSet at) {
    Map<String, ParameterSet> estimates = new LinkedHashMap<>();
    for (var it = followers.entrySet().iterator(); it.hasNext(); ) {
      var follower = it.next();
      try {
        estimates.put(follower.getKey(), follower.getValue().passiveEstimate(batch, at));
      } catch (DivergenceException e) {
        it.remove();
      }
    }
    return estimates;
  }

  /**
   * Records the comparison of the leader's {@code handed} sum and the followers' {@code estimates} with
   * {@code bptt}, full BPTT's gradient of the batch's mean loss (ALGORITHMS §2), the scale every rule hands over.
   */
  void record(ParameterSet handed, Map<String, ParameterSet> estimates, ParameterSet bptt) {
    Map<String, ParameterSet> all = new LinkedHashMap<>();
    all.put(leader, handed);
    all.putAll(estimates);
    double bpttNorm = UpdateAlignment.norm(network, bptt);
    all.forEach((rule, estimate) -> {
      add(rule, ALIGNMENT, UpdateAlignment.cosine(network, estimate, bptt));
      if (bpttNorm > 0) {
        add(rule, NORM_RATIO, UpdateAlignment.norm(network, estimate) / bpttNorm);
      }
      all.forEach((other, second) -> {
        if (!other.equals(rule)) {
          add(rule, COSINE + other, UpdateAlignment.cosine(network, estimate, second));
        }
      });
    });
  }

  private void add(String rule, String metric, double value) {
    double[] sum = sums.computeIfAbsent(rule, r -> new LinkedHashMap<>()).computeIfAbsent(metric, m -> new double[2]);
    sum[0] += value;
    sum[1]++;
  }

  /**
   * The mean of each rule's metrics since the last call, by rule, then by metric, in the order of
   * {@link #metricsOf} (whatever order they came in, so that a resumed run writes the same rows); then resets.
   */
  Map<String, Map<String, Double>> takeMeans() {
    Map<String, Map<String, Double>> means = new LinkedHashMap<>();
    for (String rule : rules) {
      Map<String, double[]> recorded = sums.getOrDefault(rule, Map.of());
      Map<String, Double> ofRule = new LinkedHashMap<>();
      metricsOf(rule).stream().filter(recorded::containsKey)
          .forEach(metric -> ofRule.put(metric, recorded.get(metric)[0] / recorded.get(metric)[1]));
      if (!ofRule.isEmpty()) {
        means.put(rule, ofRule);
      }
    }
    sums.clear();
    return means;
  }

  /** The metrics of {@code rule}: alignment, norm ratio, then its cosine with every other rule in order. */
  private List<String> metricsOf(String rule) {
    List<String> metrics = new ArrayList<>(List.of(ALIGNMENT, NORM_RATIO));
    rules.stream().filter(other -> !other.equals(rule)).forEach(other -> metrics.add(COSINE + other));
    return metrics;
  }

  /** Saves the batch count, the metric sums and every follower still compared into {@code snapshot}. */
  void save(SnapshotStore snapshot) {
    snapshot.putLongs(PREFIX + "batches", batches);
    followers.forEach((rule, unit) -> unit.saveFollower(followerScope(snapshot, rule)));
    sums.forEach((rule, metrics) -> metrics.forEach((metric, sum) -> snapshot.putDoubles(SUMS + rule + "/" + metric, sum)));
  }

  private static Snapshot followerScope(SnapshotStore snapshot, String rule) {
    return snapshot.child("compare").child("rules").child(rule);
  }

  /** Restores what {@link #save} saved into this freshly built comparison. */
  void restore(SnapshotStore snapshot) {
    batches = snapshot.longValue(PREFIX + "batches");
    for (var it = followers.entrySet().iterator(); it.hasNext(); ) {
      var follower = it.next();
      String scope = PREFIX + "rules/" + follower.getKey() + "/";
      if (snapshot.entries().keySet().stream().anyMatch(key -> key.startsWith(scope))) {
        follower.getValue().restoreFollower(followerScope(snapshot, follower.getKey()));
      } else {
        it.remove();
      }
    }
    sums.clear();
    for (String rule : rules) {
      for (String metric : metricsOf(rule)) {
        String key = SUMS + rule + "/" + metric;
        if (snapshot.has(key)) {
          sums.computeIfAbsent(rule, r -> new LinkedHashMap<>()).put(metric, snapshot.doubles(key));
        }
      }
    }
  }
}
