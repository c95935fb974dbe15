package org.ccsim.core.scenario;

import java.util.List;
import java.util.Map;
import org.ccsim.api.Config;

/**
 * A validated scenario with every default filled in (DESIGN §3). Immutable.
 *
 * @param name the scenario's name; names its results folder
 * @param description free text
 * @param seed the master seed, never 0
 * @param replicates independent repetitions, each with its own initial weights and samples
 * @param task the task component
 * @param network the cortex component
 * @param compute the backend of the dense maths
 * @param training batch sizes and optimisers
 * @param rules the learning rules compared, by the scenario's names for them, in order
 * @param phases the phases, in order; a scenario without phases has one called {@code train}
 * @param record what is recorded, and how often
 */
public record Scenario(
    String name,
    String description,
    long seed,
    int replicates,
    Config task,
    Config network,
    Config compute,
    Training training,
    Map<String, Config> rules,
    List<Phase> phases,
    Recording record) {

  public Scenario {
    rules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rules));
    phases = List.copyOf(phases);
  }

  /** Epochs over all phases. */
  public int totalEpochs() {
    return phases.stream().mapToInt(Phase::epochs).sum();
  }

  /**
   * Batch size, batches per epoch, and optimisers.
   *
   * @param groupOptimisers optimisers for named parameter groups; other groups use {@code optimiser}
   */
  public record Training(int batchSize, int batchesPerEpoch, Config optimiser, Map<String, Config> groupOptimisers) {

    public Training {
      groupOptimisers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groupOptimisers));
    }

    /** The optimiser configuration for a parameter group. */
    public Config optimiserFor(String group) {
      return groupOptimisers.getOrDefault(group, optimiser);
    }
  }

  /**
   * A stretch of training under fixed conditions.
   *
   * @param perturbation the task perturbation during the phase, or {@code null}
   */
  public record Phase(String name, int epochs, Config perturbation) {
  }

  /**
   * @param every record metrics every this many epochs (and always at the first and last epoch of each phase)
   * @param metrics the metric names recorded
   */
  public record Recording(int every, List<String> metrics) {

    public Recording {
      metrics = List.copyOf(metrics);
    }
  }
}
