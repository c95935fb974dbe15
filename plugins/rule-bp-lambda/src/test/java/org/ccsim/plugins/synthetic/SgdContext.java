package org.ccsim.plugins.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccsim.api.Episode;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.Tensor;
import org.ccsim.api.TrainingContext;
import org.ccsim.core.build.TrainedGroups;
import org.ccsim.core.optim.Sgd;

/**
 * A host-like training context: applies every gradient at once by SGD, in place, as the host's
 * optimisers do, the synthesiser's (the rule's own group) at its own rate; records every metric (the
 * last value of each). Before each update of the cortex it keeps a copy of the cortex's weights and
 * of the synthesiser's: the weights the steps before the update ran with.
 */
final class SgdContext implements TrainingContext {

  /** The weights as they were when an update was handed over, before it was applied. */
  record Weights(ParameterSet cortex, ParameterSet synthesiser) {
  }

  private final ParameterSet parameters;
  private final ParameterSet theta;
  private final TrainedGroups synthesiser;
  private final double learningRate;
  final Map<String, Double> metrics = new LinkedHashMap<>();
  /** One entry per update, in order. */
  final List<Weights> kept = new ArrayList<>();

  /**
   * @param theta the synthesiser's weights, the group the rule trains beside the cortex
   * @param synthesiserRate the SGD learning rate of {@code theta}
   */
  SgdContext(ParameterSet parameters, ParameterSet theta, double learningRate, double synthesiserRate) {
    this.parameters = parameters;
    this.theta = theta;
    this.synthesiser = SyntheticFixtures.synthesiserGroup(theta, new Sgd(synthesiserRate));
    this.learningRate = learningRate;
  }

  @Override
  public ParameterSet parameters() {
    return parameters;
  }

  @Override
  public void apply(ParameterSet gradient) {
    List<Tensor> own = gradient.tensors().stream().filter(t -> t.group().equals(Synthesiser.TRAINED)).toList();
    if (own.size() < gradient.tensors().size()) {
      kept.add(new Weights(parameters.copy(), theta.copy()));
      parameters.addScaled(gradient, -learningRate);
    }
    if (!own.isEmpty()) {
      synthesiser.apply(new ParameterSet(own), 0);
    }
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
