package org.ccsim.plugins.bptt;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;

/**
 * The bundled {@code tanh-rnn} and random episodes with masked MSE targets.
 */
final class Fixtures {

  private Fixtures() {
  }

  static RandomGenerator random(long seed) {
    return TestBuildContext.random(seed);
  }

  /** A {@code tanh-rnn} built through its component type, as the host builds it. */
  static Network tanhRnn(int inputs, int hidden, int outputs, String nonlinearity) {
    TanhRnnType type = new TanhRnnType();
    return type.create(TestConfigs.of(type, "hidden", hidden, "nonlinearity", nonlinearity, "recurrentGain", 1.3),
        new TestBuildContext(1, TestBuildContext.taskOfSize(inputs, outputs), null));
  }

  /** Episodes with random inputs at every step and random targets on steps where (t + 1) % every == 0. */
  static List<Episode> episodes(int count, int length, int inputs, int outputs, int every, RandomGenerator random) {
    List<Episode> episodes = new ArrayList<>();
    for (int e = 0; e < count; e++) {
      double[][] x = new double[length][inputs];
      double[][] target = new double[length][outputs];
      for (int t = 0; t < length; t++) {
        for (int i = 0; i < inputs; i++) {
          x[t][i] = random.nextDouble(-1, 1);
        }
        for (int o = 0; o < outputs; o++) {
          target[t][o] = random.nextDouble(-1, 1);
        }
      }
      episodes.add(new MaskedEpisode(x, target, every));
    }
    return episodes;
  }

  /** The batch's mean episode loss, from a plain forward pass. */
  static double loss(Network net, ParameterSet params, List<Episode> batch) {
    double total = 0;
    for (Episode e : batch) {
      double[] h = net.initialState();
      for (int t = 0; t < e.length(); t++) {
        Step step = net.newStep();
        net.forward(params, h, e.input(t), step);
        h = step.h;
        total += e.loss(t, step.y);
      }
    }
    return total / batch.size();
  }

  private record MaskedEpisode(double[][] x, double[][] target, int every) implements Episode {

    @Override
    public int length() {
      return x.length;
    }

    @Override
    public double[] input(int t) {
      return x[t];
    }

    @Override
    public boolean hasTarget(int t) {
      return (t + 1) % every == 0;
    }

    @Override
    public double loss(int t, double[] y) {
      double sum = 0;
      for (int o = 0; o < y.length; o++) {
        sum += (target[t][o] - y[o]) * (target[t][o] - y[o]);
      }
      return hasTarget(t) ? 0.5 * sum : 0;
    }

    @Override
    public void lossGradient(int t, double[] y, double[] out) {
      for (int o = 0; o < y.length; o++) {
        out[o] = hasTarget(t) ? y[o] - target[t][o] : 0;
      }
    }
  }
}
