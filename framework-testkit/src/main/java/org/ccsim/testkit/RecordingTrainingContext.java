package org.ccsim.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccsim.api.Episode;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.TrainingContext;

/**
 * A {@link TrainingContext} that keeps a copy of every gradient a rule hands over, so a rule's
 * gradients can be checked on a frozen trajectory (or, made with {@link #applying}, also descends
 * along them); it also counts the outputs reported and keeps every metric value.
 */
public final class RecordingTrainingContext implements TrainingContext {

  private final ParameterSet parameters;
  private final Set<String> recorded;
  private final List<ParameterSet> gradients = new ArrayList<>();
  private final Map<String, List<Double>> metrics = new LinkedHashMap<>();
  private final double learningRate;
  private int outputsObserved;

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

  @Override
  public ParameterSet parameters() {
    return parameters;
  }

  @Override
  public void apply(ParameterSet gradient) {
    gradients.add(gradient.copy());
    if (learningRate != 0) {
      parameters.addScaled(gradient, -learningRate);
    }
  }

  @Override
  public void observeOutput(Episode episode, int t, double[] y) {
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

  /** The sum of every gradient handed over. */
  public ParameterSet total() {
    ParameterSet sum = parameters.zerosLike();
    gradients.forEach(g -> sum.addScaled(g, 1));
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
