package org.ccsim.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;

/**
 * An episode with given inputs and squared-error targets, {@code l_t = 0.5 ||y*_t - y_t||^2} on
 * steps whose target is not null (ALGORITHMS §1), for testing rules on frozen trajectories.
 *
 * @param inputs {@code x_t}, t = 0..T-1
 * @param targets {@code y*_t}, null on steps without a target
 */
public record TestEpisode(double[][] inputs, double[][] targets) implements Episode {

  /**
   * Episodes with inputs and targets uniform in [-1, 1] at every step; the target counts on steps
   * with {@code (t + 1) % every == 0}.
   */
  public static List<Episode> masked(int count, int length, int inputs, int outputs, int every,
      RandomGenerator random) {
    List<Episode> episodes = new ArrayList<>();
    for (int e = 0; e < count; e++) {
      double[][] x = new double[length][inputs];
      double[][] target = new double[length][];
      for (int t = 0; t < length; t++) {
        for (int i = 0; i < inputs; i++) {
          x[t][i] = random.nextDouble(-1, 1);
        }
        double[] y = new double[outputs];
        for (int o = 0; o < outputs; o++) {
          y[o] = random.nextDouble(-1, 1);
        }
        target[t] = (t + 1) % every == 0 ? y : null;
      }
      episodes.add(new TestEpisode(x, target));
    }
    return episodes;
  }

  @Override
  public int length() {
    return inputs.length;
  }

  @Override
  public double[] input(int t) {
    return inputs[t];
  }

  @Override
  public boolean hasTarget(int t) {
    return targets[t] != null;
  }

  @Override
  public double loss(int t, double[] y) {
    if (!hasTarget(t)) {
      return 0;
    }
    double sum = 0;
    for (int o = 0; o < y.length; o++) {
      sum += (targets[t][o] - y[o]) * (targets[t][o] - y[o]);
    }
    return 0.5 * sum;
  }

  @Override
  public void lossGradient(int t, double[] y, double[] out) {
    for (int o = 0; o < y.length; o++) {
      out[o] = hasTarget(t) ? y[o] - targets[t][o] : 0;
    }
  }
}
