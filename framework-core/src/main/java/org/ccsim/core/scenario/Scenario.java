package org.ccsim.core.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ccsim.api.Config;
import org.ccsim.api.DataFile;
import org.ccsim.api.DataFolder;

/**
 * A validated scenario with every default filled in (its keys: README.md, "Scenario files").
 * Immutable.
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
 * @param events actions sent to rules at given epochs, in epoch order
 * @param record what is recorded, and how often
 * @param summary what the summaries measure of each learning curve besides its final value
 * @param checkpointEvery each unit writes its checkpoint every this many epochs; 0: only when the
 *     run is interrupted
 * @param swept the rules a {@code sweep} block made, each with its grid values (path to value), in
 *     order; empty without a sweep
 * @param compare the passive comparison, or {@code null} when every rule trains
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
    List<Event> events,
    Recording record,
    SummaryMeasures summary,
    int checkpointEvery,
    Map<String, Map<String, Object>> swept,
    Compare compare) {

  public Scenario {
    rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    swept = Collections.unmodifiableMap(new LinkedHashMap<>(swept));
    phases = List.copyOf(phases);
    events = List.copyOf(events);
  }

  /** This scenario with {@code training.batchesPerEpoch} set to {@code batches}. */
  public Scenario withBatchesPerEpoch(int batches) {
    Training t = training;
    return new Scenario(name, description, seed, replicates, task, network, compute,
        new Training(t.batchSize(), batches, t.optimiser(), t.groupOptimisers(), t.clip(), t.lossExplosion()),
        rules, phases, events, record, summary, checkpointEvery, swept, compare);
  }

  /** The rules that train as units of their own: every rule, or only the leader of a passive comparison. */
  public List<String> trainedRules() {
    return compare == null ? List.copyOf(rules.keySet()) : List.of(compare.leader());
  }

  /** Epochs over all phases. */
  public int totalEpochs() {
    return phases.stream().mapToInt(Phase::epochs).sum();
  }

  /** Every data file the scenario's components name, nested components included, in order. */
  public List<DataFile> dataFiles() {
    return componentValues(DataFile.class);
  }

  /** Every dataset folder the scenario's components name, nested components included, in order. */
  public List<DataFolder> dataFolders() {
    return componentValues(DataFolder.class);
  }

  /** The values of type {@code type} of every component's parameters, nested components included, in order. */
  private <V> List<V> componentValues(Class<V> type) {
    List<Config> configs = new ArrayList<>(List.of(task, network, compute, training.optimiser()));
    configs.addAll(training.groupOptimisers().values());
    configs.addAll(rules.values());
    phases.stream().map(Phase::perturbation).filter(Objects::nonNull).forEach(configs::add);
    List<V> found = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      for (Object value : configs.get(i).values().values()) {
        if (type.isInstance(value)) {
          found.add(type.cast(value));
        } else if (value instanceof Config nested) {
          configs.add(nested);
        }
      }
    }
    return found;
  }

  /**
   * Batch size, batches per epoch, optimisers, a gradient clip across groups, and the loss explosion bound.
   *
   * @param batchesPerEpoch batches per epoch, or {@link #ONE_PASS} when the scenario leaves it out
   * @param groupOptimisers optimisers for named parameter groups; other groups use {@code optimiser}
   * @param clip one L2 norm clip over the gradients of several groups, or {@code null}
   * @param lossExplosion a unit whose batch loss exceeds this many times its first batch's has diverged
   */
  public record Training(int batchSize, int batchesPerEpoch, Config optimiser, Map<String, Config> groupOptimisers,
      GlobalClip clip, double lossExplosion) {

    /**
     * {@code batchesPerEpoch} left out: an epoch is one pass over a dataset task's training examples
     * ({@code examples / batchSize} batches), or one batch of a generated task.
     */
    public static final int ONE_PASS = 0;

    public Training {
      groupOptimisers = Collections.unmodifiableMap(new LinkedHashMap<>(groupOptimisers));
    }

    /** The optimiser configuration for a parameter group. */
    public Config optimiserFor(String group) {
      return groupOptimisers.getOrDefault(group, optimiser);
    }
  }

  /**
   * {@code training.clipGlobalNorm}: the gradients of {@code groups} handed over together are scaled
   * by one factor so that their joint L2 norm is at most {@code maxNorm} (as PyTorch's
   * {@code clip_grad_norm_} over several parameter groups, which ccDNI applies to cortex, readout
   * and synthesiser), before each group's optimiser steps.
   */
  public record GlobalClip(double maxNorm, List<String> groups) {

    public GlobalClip {
      groups = List.copyOf(groups);
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
   * An action sent to some rules' instances before the first batch of an epoch (the key
   * {@code events} of README.md, "Scenario files"), such as a lesion; each rule's type declares the
   * actions it accepts.
   *
   * @param phase the phase the epoch belongs to
   * @param epoch the epoch, counted from 1 across phases
   * @param epochInPhase the same epoch counted from 1 within its phase
   * @param action one of the actions every rule in {@code rules} declares
   * @param rules the scenario's names of the rules that receive it
   */
  public record Event(String phase, int epoch, int epochInPhase, String action, List<String> rules) {

    public Event {
      rules = List.copyOf(rules);
    }
  }

  /**
   * The passive comparison (Marschall, Cho &amp; Savin, JMLR 2020, §5): only {@code leader} trains; at
   * every {@code every}-th batch every other rule computes its gradient estimate on the leader's batch at
   * the leader's weights, without applying it to the network.
   */
  public record Compare(String leader, int every) {
  }

  /**
   * @param every record metrics every this many epochs (and always at the first and last epoch of each phase)
   * @param metrics the metric names recorded; {@code accuracy} is recorded besides whenever the task's
   *     episodes score one
   * @param trajectories whether the outputs on the task's probes are stored at the end of the first
   *     and last epoch of each phase
   * @param evaluation the held-out evaluation, or {@code null} for none
   */
  public record Recording(int every, List<String> metrics, boolean trajectories, Evaluation evaluation) {

    public Recording {
      metrics = List.copyOf(metrics);
    }

    /**
     * Whether {@code metrics} are recorded at the end of an epoch: the {@code epochInPhase}-th of a phase of
     * {@code phaseEpochs} epochs, {@code epoch} counted from 1 across phases.
     */
    public boolean recordsAt(int epoch, int epochInPhase, int phaseEpochs) {
      return epochInPhase == 1 || epoch % every == 0 || epochInPhase == phaseEpochs;
    }
  }

  /**
   * Held-out evaluation: each unit's network runs, without learning, on {@code examples} episodes of
   * the task's {@code split} every {@code every} epochs and at the last epoch of each phase, and records
   * their mean loss and accuracy as {@code <split>-loss} and {@code <split>-accuracy}. A dataset gives
   * its first {@code examples} examples of the split; a generated task, episodes of an evaluation
   * stream of the replicate's own, the same at every evaluation.
   *
   * @param split {@link org.ccsim.api.Task#TEST} or {@link org.ccsim.api.Task#TRAIN}
   */
  public record Evaluation(int every, String split, int examples) {

    /** Whether the evaluation runs at the end of an epoch, as {@link Recording#recordsAt} counts them. */
    public boolean evaluatesAt(int epoch, int epochInPhase, int phaseEpochs) {
      return epoch % every == 0 || epochInPhase == phaseEpochs;
    }

    /** The metric of the held-out episodes' mean loss, e.g. {@code test-loss}. */
    public String lossMetric() {
      return split + "-loss";
    }

    /** The metric of the held-out episodes' mean accuracy, e.g. {@code test-accuracy}. */
    public String accuracyMetric() {
      return split + "-accuracy";
    }
  }

  /**
   * {@code summary}: what the summaries measure of each replicate's learning curve in a phase besides
   * its final value (README.md, "Scenario files").
   *
   * @param atEpochs epochs, counted from 1 across phases and increasing, at which the recorded value is
   *     summarised too; each lies in one phase and is an epoch at which every metric is recorded
   * @param auc whether the area under each phase's learning curve (the mean over its recorded epochs) is
   *     summarised too
   * @param landmarks per metric, reference levels (label to value) drawn on its learning-curve plot,
   *     e.g. the losses a task's known partial solutions reach
   */
  public record SummaryMeasures(List<Integer> atEpochs, boolean auc, Map<String, Map<String, Double>> landmarks) {

    public SummaryMeasures {
      atEpochs = List.copyOf(atEpochs);
      Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
      landmarks.forEach((metric, levels) -> copy.put(metric, Collections.unmodifiableMap(new LinkedHashMap<>(levels))));
      landmarks = Collections.unmodifiableMap(copy);
    }

    /** Measures without landmarks. */
    public SummaryMeasures(List<Integer> atEpochs, boolean auc) {
      this(atEpochs, auc, Map.of());
    }

    /** What a scenario without a {@code summary} block gets: no epochs, the area under the curve. */
    public static final SummaryMeasures DEFAULT = new SummaryMeasures(List.of(), true);
  }
}
