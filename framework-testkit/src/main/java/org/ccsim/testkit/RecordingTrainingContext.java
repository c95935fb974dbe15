package org.ccsim.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccsim.api.DivergenceException;
import org.ccsim.api.Episode;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;
import org.ccsim.api.TrainingContext;
import org.ccsim.core.build.TrainedGroups;

/**
 * A {@link TrainingContext} that keeps a copy of every gradient a rule hands over, so a rule's
 * gradients can be checked on a frozen trajectory (or, made with {@link #applying}, also descends
 * along them); it also counts the outputs reported and keeps every metric value. The groups a rule
 * trains beside the network ({@link org.ccsim.api.BuildContext#trains}), given with
 * {@link #training}, are stepped by their own optimisers, checked and saved exactly as the host
 * does it ({@link TrainedGroups}), whatever the learning rate of the network's.
 */
public final class RecordingTrainingContext implements TrainingContext {

  private final ParameterSet parameters;
  private final Set<String> recorded;
  private final List<ParameterSet> gradients = new ArrayList<>();
  private final Map<String, List<Double>> metrics = new LinkedHashMap<>();
  private final double learningRate;
  private TrainedGroups groups = new TrainedGroups();
  private int outputsObserved;
  private int lastStep = DivergenceException.NO_STEP;

  /** A context over {@code parameters}, which it never changes, that records the given metrics. */
  public RecordingTrainingContext(ParameterSet parameters, String... recordedMetrics) {
    this(parameters, 0, recordedMetrics);
  }

  private RecordingTrainingContext(ParameterSet parameters, double learningRate, String... recordedMetrics) {
    this.parameters = parameters;
    this.learningRate = learningRate;
    this.recorded = Set.of(recordedMetrics);
  }

  /** A context that also applies every gradient by plain gradient descent with {@code learningRate}. */
  public static RecordingTrainingContext applying(ParameterSet parameters, double learningRate) {
    return new RecordingTrainingContext(parameters, learningRate);
  }

  /** This context, stepping the rule's own {@code groups} (shared, not copied) as the host does. */
  public RecordingTrainingContext training(TrainedGroups groups) {
    this.groups = groups;
    return this;
  }

  /** The rule's own groups, to save or restore them as a checkpoint does. */
  public TrainedGroups groups() {
    return groups;
  }

  @Override
  public ParameterSet parameters() {
    return parameters;
  }

  /**
   * Records the gradient; then the rule's own groups in it take their optimisers' steps, and the
   * network's tensors in it one of gradient descent (none when the learning rate is 0).
   */
  @Override
  public void apply(ParameterSet gradient) {
    gradients.add(gradient.copy());
    List<Tensor> own = gradient.tensors().stream().filter(t -> groups.contains(t.group())).toList();
    if (!own.isEmpty()) {
      groups.apply(new ParameterSet(own), lastStep);
    }
    if (learningRate != 0) {
      for (Tensor g : gradient.tensors()) {
        if (!groups.contains(g.group())) {
          double[] target = parameters.get(g.name()).data();
          double[] source = g.data();
          for (int i = 0; i < target.length; i++) {
            target[i] += -learningRate * source[i];
          }
        }
      }
    }
  }

  @Override
  public void observeOutput(Episode episode, int t, double[] y) {
    lastStep = t;
    outputsObserved++;
  }

  @Override
  public boolean records(String metric) {
    return recorded.contains(metric);
  }

  @Override
  public void record(String metric, double value) {
    metrics.computeIfAbsent(metric, m -> new ArrayList<>()).add(value);
  }

  /** Every gradient handed over, in order. */
  public List<ParameterSet> gradients() {
    return gradients;
  }

  /** The gradients handed over that hold tensors of {@code group}, in order. */
  public List<ParameterSet> gradients(String group) {
    return gradients.stream().filter(g -> g.groups().contains(group)).toList();
  }

  /** The sum of every gradient handed over for the network's parameters. */
  public ParameterSet total() {
    ParameterSet sum = parameters.zerosLike();
    for (ParameterSet gradient : gradients) {
      for (Tensor g : gradient.tensors()) {
        if (!groups.contains(g.group())) {
          double[] target = sum.get(g.name()).data();
          for (int i = 0; i < target.length; i++) {
            target[i] += g.data()[i];
          }
        }
      }
    }
    return sum;
  }

  /** How many outputs the rule reported. */
  public int outputsObserved() {
    return outputsObserved;
  }

  /** The values reported for {@code metric}, in order. */
  public List<Double> values(String metric) {
    return metrics.getOrDefault(metric, List.of());
  }
}
