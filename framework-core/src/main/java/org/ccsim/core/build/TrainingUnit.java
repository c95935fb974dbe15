package org.ccsim.core.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccsim.api.Curriculum;
import org.ccsim.api.DivergenceException;
import org.ccsim.api.Episode;
import org.ccsim.api.Finite;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.ReplayableRandom;
import org.ccsim.api.Snapshot;
import org.ccsim.api.Task;
import org.ccsim.api.Tensor;
import org.ccsim.api.TrainingContext;
import org.ccsim.core.results.SnapshotStore;
import org.ccsim.core.scenario.ScenarioReader;

/**
 * One (rule, replicate) pair, built and ready to train: the rule instance, its own copy of the
 * replicate's initial parameters, the groups the rule trains beside them, an optimiser per parameter
 * group ({@link TrainedGroups}), and the replicate's task-sample stream. Units share nothing mutable, so they may run on any thread in any order.
 *
 * <p>Between batches the whole unit can be saved into a {@link Snapshot} and restored into a freshly
 * built unit of the same scenario, rule and replicate, which then trains exactly as the saved one
 * would have: the trained groups and their optimisers' states, the rule's state ({@link org.ccsim.api.Stateful}),
 * the position of the task-sample stream and of the {@link ExampleOrder}, and the metric sums of the epoch so far.
 *
 * <p>Every output, loss, gradient and updated weight that passes through the unit is checked to be
 * finite ({@link Finite}); a {@link DivergenceException} names the first that is not, with the
 * episode step of the last output the rule reported (for an update once per episode, its last step).
 * A batch loss that explodes while staying finite diverges too ({@link LossExplosion}).
 */
public final class TrainingUnit implements TrainingContext {

  /** Where a snapshot keeps the curriculum stage (absent from checkpoints written before curricula). */
  private static final String STAGE_KEY = "curriculum/stage";

  private final String rule;
  private final int replicate;
  private final Network network;
  private final LearningRule learningRule;
  private final ParameterSet parameters;
  private final TrainedGroups groups;
  private final ReplayableRandom samples;
  private final Set<String> recorded;
  private final LossExplosion explosion;
  private final Map<String, double[]> sums = new LinkedHashMap<>();
  private final ExampleOrder examples = new ExampleOrder();
  /** The unit's stage in its task's {@link org.ccsim.api.Curriculum}, from 0. */
  private int stage;
  private double batchLoss;
  /** The batch's accuracy summed over its target steps that score one, and the number of those steps. */
  private double accuracySum;
  private int accuracySteps;
  private int stepsObserved;
  /** The step of the last output reported, the step a gradient or weight check is charged to. */
  private int lastStep = DivergenceException.NO_STEP;
  /** Whether the metrics of the current epoch will be written, see {@link #recordsThisEpoch}. */
  private boolean epochRecorded = true;
  /** The batch's handed sum, when it records {@code update-alignment} or is compared; else {@code null}. */
  private UpdateAlignment alignment;
  /** The passive comparison this unit leads, or {@code null}. */
  private final PassiveComparison comparison;

  TrainingUnit(String rule, int replicate, Network network, LearningRule learningRule, ParameterSet parameters,
      TrainedGroups groups, ReplayableRandom samples, Set<String> recorded, LossExplosion explosion,
      PassiveComparison comparison) {
    this.rule = rule;
    this.replicate = replicate;
    this.network = network;
    this.learningRule = learningRule;
    this.parameters = parameters;
    this.groups = groups;
    this.samples = samples;
    this.recorded = Set.copyOf(recorded);
    this.explosion = explosion;
    this.comparison = comparison;
  }

  /** The scenario's name for the rule. */
  public String rule() {
    return rule;
  }

  /** The replicate, from 1. */
  public int replicate() {
    return replicate;
  }

  /**
   * Samples a batch from {@code task} (from the unit's current stage of its curriculum; the next
   * examples in the unit's {@link ExampleOrder} for a finite dataset) and trains the rule on it; the
   * batch's mean episode loss, as the rule's outputs produced it, is recorded as metric {@code loss},
   * the mean accuracy over its target steps as {@code accuracy} when the episodes score one, the stage
   * it trained at (from 1) as {@code stage} when the task has more than one, and, when the scenario
   * records it, the batch's {@link UpdateAlignment}. A batch that passes its stage moves the unit on to
   * the next.
   *
   * @throws IllegalStateException if the rule did not report every output it produced
   * @throws DivergenceException if a quantity of training became NaN or infinite, or the loss exploded
   */
  public void trainBatch(Task task, int batchSize) {
    Curriculum curriculum = task.curriculum();
    Task current = curriculum.stage(stage);
    List<Episode> batch = new ArrayList<>(batchSize);
    int steps = 0;
    for (int i = 0; i < batchSize; i++) {
      Episode episode = current.examples() > 0 ? examples.next(current, samples) : current.sample(samples);
      batch.add(episode);
      steps += episode.length();
    }
    batchLoss = 0;
    accuracySum = 0;
    accuracySteps = 0;
    lastStep = DivergenceException.NO_STEP;
    stepsObserved = 0;
    boolean compared = comparison != null && comparison.startsBatch();
    ParameterSet start = compared ? parameters.copy() : null;
    Map<String, ParameterSet> estimates = compared ? comparison.estimates(batch, start) : Map.of();
    boolean aligned = records(ScenarioReader.UPDATE_ALIGNMENT);
    alignment = aligned || compared ? new UpdateAlignment(network, parameters) : null;
    learningRule.train(batch, this);
    if (stepsObserved != steps) {
      throw new IllegalStateException("rule " + rule + " reported outputs for " + stepsObserved + " of the batch's "
          + steps + " steps; a LearningRule must call observeOutput for every step it runs");
    }
    double meanLoss = batchLoss / batchSize;
    explosion.check(meanLoss);
    record(ScenarioReader.LOSS, meanLoss);
    if (accuracySteps > 0) {
      record(ScenarioReader.ACCURACY, accuracySum / accuracySteps);
    }
    if (aligned) {
      record(ScenarioReader.UPDATE_ALIGNMENT, alignment.of(batch));
    }
    if (compared) {
      ParameterSet bptt = UpdateAlignment.bpttGradient(network, start, batch);
      bptt.scale(1.0 / batchSize);
      comparison.record(alignment.handed(), estimates, bptt);
    }
    if (curriculum.stages() > 1) {
      record(ScenarioReader.STAGE, stage + 1);
      if (stage + 1 < curriculum.stages() && curriculum.passes(stage, meanLoss)) {
        stage++;
      }
    }
  }

  /**
   * As a follower of a passive comparison: the sum of the network gradients the rule hands over on
   * {@code batch} with the network's weights set to {@code at}, which they keep (only the rule's own
   * groups train).
   *
   * @throws DivergenceException if an output or a weight of the rule's own groups became NaN or infinite
   */
  ParameterSet passiveEstimate(List<Episode> batch, ParameterSet at) {
    for (Tensor t : parameters.tensors()) {
      double[] values = at.get(t.name()).data();
      System.arraycopy(values, 0, t.data(), 0, values.length);
    }
    Passive passive = new Passive(new UpdateAlignment(network, parameters));
    learningRule.train(batch, passive);
    return passive.estimate.handed();
  }

  /**
   * The means of the passive comparison this unit leads since the last call, by rule (this unit's
   * first), then by metric; then resets. Empty when it leads none.
   */
  public Map<String, Map<String, Double>> takeComparedMeans() {
    return comparison == null ? Map.of() : comparison.takeMeans();
  }

  /** The names of the parameter groups the unit trains: the network's, then the rule's own. */
  public Set<String> trainedGroups() {
    return groups.names();
  }

  /**
   * Whether the scenario writes the metrics of the epoch whose batches follow: when it does not, the
   * unit answers {@link #records} with no, so that neither the rule nor the host computes a
   * diagnostic whose values would be dropped. The loss, accuracy and stage are recorded either way,
   * and no diagnostic changes what training computes, so results do not depend on it.
   */
  public void recordsThisEpoch(boolean written) {
    epochRecorded = written;
  }

  /** Sends a scenario event's action to the rule (between batches). */
  public void act(String action) {
    learningRule.act(action);
  }

  /** The mean of each metric's values since the last call, in order of first report; then resets. */
  public Map<String, Double> takeMeans() {
    Map<String, Double> means = new LinkedHashMap<>();
    sums.forEach((metric, sum) -> means.put(metric, sum[0] / sum[1]));
    sums.clear();
    return means;
  }

  /** Saves the unit's whole training state (between batches). */
  public SnapshotStore saveState() {
    SnapshotStore snapshot = new SnapshotStore();
    saveFollower(snapshot);
    snapshot.putLongs("streams/task-samples", samples.draws());
    examples.save(snapshot);
    snapshot.putLongs(STAGE_KEY, stage);
    Snapshot metricSums = snapshot.child("metric-sums");
    sums.forEach(metricSums::putDoubles);
    explosion.save(snapshot);
    if (comparison != null) {
      comparison.save(snapshot);
    }
    return snapshot;
  }

  /** Saves what a follower of a passive comparison keeps between batches: its groups and its rule's state. */
  void saveFollower(Snapshot into) {
    groups.save(into);
    learningRule.saveState(into.child("rule"));
  }

  /** Restores what {@link #saveFollower} saved into this freshly built unit. */
  void restoreFollower(Snapshot from) {
    groups.restore(from);
    learningRule.restoreState(from.child("rule"));
  }

  /** Sets this freshly built unit to the state {@link #saveState()} saved. */
  public void restoreState(SnapshotStore snapshot) {
    restoreFollower(snapshot);
    samples.advanceTo(snapshot.longValue("streams/task-samples"));
    examples.restore(snapshot);
    stage = snapshot.has(STAGE_KEY) ? (int) snapshot.longValue(STAGE_KEY) : 0;
    explosion.restore(snapshot);
    sums.clear();
    String prefix = "metric-sums/";
    snapshot.entries().keySet().stream().filter(key -> key.startsWith(prefix))
        .forEach(key -> sums.put(key.substring(prefix.length()), snapshot.doubles(key)));
    if (comparison != null) {
      comparison.restore(snapshot);
    }
  }

  @Override
  public ParameterSet parameters() {
    return parameters;
  }

  @Override
  public void apply(ParameterSet gradient) {
    if (alignment != null) {
      alignment.add(gradient);
    }
    groups.apply(gradient, lastStep);
  }

  @Override
  public void observeOutput(Episode episode, int t, double[] y) {
    lastStep = t;
    Finite.check("output y", t, y);
    double loss = episode.loss(t, y);
    Finite.check("loss", t, loss);
    batchLoss += loss;
    if (episode.scoresAccuracy() && episode.hasTarget(t)) {
      accuracySum += episode.accuracy(t, y);
      accuracySteps++;
    }
    stepsObserved++;
  }

  @Override
  public boolean records(String metric) {
    return epochRecorded && recorded.contains(metric);
  }

  @Override
  public void record(String metric, double value) {
    double[] sum = sums.computeIfAbsent(metric, m -> new double[2]);
    sum[0] += value;
    sum[1]++;
  }

  /**
   * The context of a follower's passive estimate: the network gradients handed over are summed, not
   * applied; the rule's own groups step; outputs are checked but score nothing.
   */
  private final class Passive implements TrainingContext {

    private final UpdateAlignment estimate;

    Passive(UpdateAlignment estimate) {
      this.estimate = estimate;
    }

    @Override
    public ParameterSet parameters() {
      return parameters;
    }

    @Override
    public void apply(ParameterSet gradient) {
      estimate.add(gradient);
      groups.applyDeclared(gradient, DivergenceException.NO_STEP);
    }

    @Override
    public void observeOutput(Episode episode, int t, double[] y) {
      Finite.check("output y", t, y);
    }

    @Override
    public boolean records(String metric) {
      return false;
    }

    @Override
    public void record(String metric, double value) {
    }
  }
}
