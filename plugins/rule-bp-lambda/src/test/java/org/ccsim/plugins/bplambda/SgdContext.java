package org.ccsim.plugins.bplambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccsim.api.Episode;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.TrainingContext;

/**
 * A host-like training context: applies every gradient at once by SGD, in place, as the host's
 * optimisers do; records every metric (the last value of each). Before each update it keeps a copy
 * of the cortex's weights and, if given, of the synthesiser's: the weights the steps before the
 * update ran with.
 */
final class SgdContext implements TrainingContext {

  /** The weights as they were when an update was handed over, before it was applied. */
  record Weights(ParameterSet cortex, ParameterSet synthesiser) {
  }

  private final ParameterSet parameters;
  private final ParameterSet theta;
  private final double learningRate;
  final Map<String, Double> metrics = new LinkedHashMap<>();
  /** One entry per update, in order. */
  final List<Weights> kept = new ArrayList<>();

  /** @param theta the synthesiser's weights, which the rule updates itself; null to keep none */
  SgdContext(ParameterSet parameters, ParameterSet theta, double learningRate) {
    this.parameters = parameters;
    this.theta = theta;
    this.learningRate = learningRate;
  }

  @Override
  public ParameterSet parameters() {
    return parameters;
  }

  @Override
  public void apply(ParameterSet gradient) {
    kept.add(new Weights(parameters.copy(), theta == null ? null : theta.copy()));
    parameters.addScaled(gradient, -learningRate);
  }

  @Override
  public void observeOutput(Episode episode, int t, double[] y) {
  }

  @Override
  public boolean records(String metric) {
    return true;
  }

  @Override
  public void record(String metric, double value) {
    metrics.put(metric, value);
  }
}
