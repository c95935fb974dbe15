package org.ccsim.plugins.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.Network;
import org.ccsim.api.Optimiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.Task;
import org.ccsim.api.Tensor;
import org.ccsim.core.build.TrainedGroups;
import org.ccsim.plugins.cerebellum.CerebellumType;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.plugins.synthesisers.MlpSynthesiser;
import org.ccsim.plugins.synthesisers.MlpSynthesiserType;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;

/**
 * The bundled {@code tanh-rnn}, random episodes with masked MSE targets, synthesisers with random
 * non-zero weights, and an optimiser that records the gradients it is handed.
 */
final class SyntheticFixtures {

  private SyntheticFixtures() {
  }

  static RandomGenerator random(long seed) {
    return TestBuildContext.random(seed);
  }

  /** A {@code tanh-rnn} built through its component type, with a gain that makes credit travel. */
  static Network tanhRnn(int inputs, int hidden, int outputs) {
    TanhRnnType type = new TanhRnnType();
    return type.create(TestConfigs.of(type, "hidden", hidden, "recurrentGain", 1.3),
        new TestBuildContext(1, TestBuildContext.taskOfSize(inputs, outputs), null));
  }

  /** A task for {@code network} whose every episode is the first of {@code batch}: its length is theirs. */
  static Task taskOf(Network network, List<Episode> batch) {
    return TestBuildContext.task(network.inputSize(), network.outputSize(), random -> batch.get(0));
  }

  /** An {@code mlp} synthesiser for {@code network}, built through its component type. */
  static MlpSynthesiser mlp(Network network, Object... overrides) {
    MlpSynthesiserType type = new MlpSynthesiserType();
    return (MlpSynthesiser) type.create(TestConfigs.of(type, overrides), new TestBuildContext(1, null, network));
  }

  /** A {@code cerebellum} synthesiser for a state of n values, built through its component type. */
  static JacobianSynthesiser cerebellum(int n, Object... overrides) {
    CerebellumType type = new CerebellumType();
    return (JacobianSynthesiser) type.create(TestConfigs.of(type, overrides), new TestBuildContext(n, null, tanhRnn(1, n, 1)));
  }

  /** Adds {@code N(0, scale^2)} noise to every value of every tensor: non-zero output layer and biases. */
  static ParameterSet perturbed(ParameterSet theta, double scale, RandomGenerator random) {
    ParameterSet copy = theta.copy();
    for (Tensor t : copy.tensors()) {
      double[] data = t.data();
      for (int i = 0; i < data.length; i++) {
        data[i] += scale * random.nextGaussian();
      }
    }
    return copy;
  }

  /** sqrt(sum (a - b)^2 / sum b^2) over every tensor of {@code expected}. */
  static double relativeError(ParameterSet actual, ParameterSet expected) {
    double errors = 0;
    double norms = 0;
    for (Tensor t : expected.tensors()) {
      double[] want = t.data();
      double[] got = actual.get(t.name()).data();
      for (int i = 0; i < want.length; i++) {
        errors += (got[i] - want[i]) * (got[i] - want[i]);
        norms += want[i] * want[i];
      }
    }
    if (norms == 0) {
      throw new AssertionError("a zero reference gradient would pass trivially");
    }
    return Math.sqrt(errors / norms);
  }

  /** The trained weights of {@code theta} as a rule's host owns them, stepped by {@code optimiser}. */
  static TrainedGroups synthesiserGroup(ParameterSet theta, Optimiser optimiser) {
    return new TrainedGroups().declared(Synthesiser.TRAINED, TrainedVector.trained(theta), optimiser);
  }

  /** Keeps a copy of every gradient it is handed and changes nothing. */
  static final class RecordingOptimiser implements Optimiser {
    final List<ParameterSet> gradients = new ArrayList<>();

    @Override
    public void step(List<Tensor> params, List<Tensor> grads) {
      gradients.add(new ParameterSet(grads.stream().map(Tensor::copy).toList()));
    }
  }
}
