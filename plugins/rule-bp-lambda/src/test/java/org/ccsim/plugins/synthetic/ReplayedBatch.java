package org.ccsim.plugins.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.ccsim.api.Episode;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.Synthesiser;

/**
 * The diagnostics' reference (ALGORITHMS §5), computed independently of {@link LockstepBatch} and
 * {@link Diagnostics}: every episode re-run by hand, step by step, each step with the cortex weights
 * given for it, keeping {@code h_t}, {@code c_t} and the dense {@code J_t}; BPTT's true future
 * gradients by the backward recursion over those matrices, {@code G*_{T-1} = 0},
 * {@code G*_t = (c_{t+1} + G*_{t+1}) J_{t+1}} (§2); cosines and correlations averaged here over
 * examples and the steps {@code t <= T-2}. Arrays are indexed [example][step].
 */
final class ReplayedBatch {

  final int steps;
  final int n;
  final double[][][] h;
  final double[][][] c;
  final double[][][] future;
  private final double[][][] jacobians;

  /** @param cortexAt the cortex's weights step t ran with */
  ReplayedBatch(Network network, List<Episode> episodes, IntFunction<ParameterSet> cortexAt) {
    steps = episodes.get(0).length();
    n = network.hiddenSize();
    int batch = episodes.size();
    h = new double[batch][steps][];
    c = new double[batch][steps][n];
    jacobians = new double[batch][steps][n * n];
    future = new double[batch][steps][n];
    double[] dLdy = new double[network.outputSize()];
    for (int b = 0; b < batch; b++) {
      double[] previous = network.initialState();
      for (int t = 0; t < steps; t++) {
        ParameterSet weights = cortexAt.apply(t);
        Step step = network.newStep();
        network.forward(weights, previous, episodes.get(b).input(t), step);
        episodes.get(b).lossGradient(t, step.y, dLdy);
        network.readoutBackward(weights, step, dLdy, weights.zerosLike(), c[b][t]);
        network.stateJacobian(weights, step, jacobians[b][t]);
        h[b][t] = step.h;
        previous = step.h;
      }
      for (int t = steps - 2; t >= 0; t--) {
        future[b][t] = vjp(b, t + 1, sum(c[b][t + 1], future[b][t + 1]));
      }
    }
  }

  /** {@code v J_t} of example b. */
  double[] vjp(int b, int t, double[] v) {
    double[] out = new double[n];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        out[j] += v[i] * jacobians[b][t][i * n + j];
      }
    }
    return out;
  }

  /** {@code g(h_t; theta)} with the synthesiser's weights given for each step, zero at the last step. */
  double[][][] predictions(Synthesiser synthesiser, IntFunction<ParameterSet> thetaAt) {
    double[][][] g = new double[h.length][steps][n];
    for (int b = 0; b < h.length; b++) {
      for (int t = 0; t < steps - 1; t++) {
        synthesiser.predict(thetaAt.apply(t), h[b][t], g[b][t]);
      }
    }
    return g;
  }

  /**
   * {@code alignment} (cosine of {@code c_t + s used_t} with {@code c_t + G*_t}), {@code sg-alignment}
   * (of {@code used_t} with {@code G*_t}), {@code sg-norm-ratio} and {@code cortex-sg-correlation}
   * (of {@code h_t} with {@code own_t}, unit by unit, two-pass, averaged over units).
   *
   * @param used the future gradient the cortex's learning signal carries
   * @param own the synthesiser's own output
   */
  Map<String, Double> diagnostics(double[][][] used, double s, double[][][] own) {
    double signal = 0;
    double synthetic = 0;
    double predicted = 0;
    double exact = 0;
    List<double[]> states = new ArrayList<>();
    List<double[]> outputs = new ArrayList<>();
    for (int b = 0; b < h.length; b++) {
      for (int t = 0; t < steps - 1; t++) {
        double[] scaled = used[b][t].clone();
        for (int i = 0; i < n; i++) {
          scaled[i] *= s;
        }
        signal += cosine(sum(c[b][t], scaled), sum(c[b][t], future[b][t]));
        synthetic += cosine(used[b][t], future[b][t]);
        predicted += Math.sqrt(dot(used[b][t], used[b][t]));
        exact += Math.sqrt(dot(future[b][t], future[b][t]));
        states.add(h[b][t]);
        outputs.add(own[b][t]);
      }
    }
    int count = h.length * (steps - 1);
    return Map.of(Diagnostics.ALIGNMENT, signal / count, Diagnostics.SG_ALIGNMENT, synthetic / count,
        Diagnostics.SG_NORM_RATIO, predicted / exact, Diagnostics.CORRELATION, meanCorrelation(states, outputs));
  }

  /** The synthesiser's active fraction at {@code h_t}, with its weights given for each step, averaged. */
  double activeFraction(Synthesiser synthesiser, IntFunction<ParameterSet> thetaAt) {
    double sum = 0;
    for (double[][] example : h) {
      for (int t = 0; t < steps - 1; t++) {
        sum += synthesiser.activeFraction(thetaAt.apply(t), example[t]);
      }
    }
    return sum / (h.length * (steps - 1));
  }

  /** Two-pass Pearson correlation of h_i with g_i over the samples, averaged over units i. */
  private double meanCorrelation(List<double[]> states, List<double[]> g) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double meanH = 0;
      double meanG = 0;
      for (int k = 0; k < states.size(); k++) {
        meanH += states.get(k)[i] / states.size();
        meanG += g.get(k)[i] / states.size();
      }
      double cov = 0;
      double varH = 0;
      double varG = 0;
      for (int k = 0; k < states.size(); k++) {
        double x = states.get(k)[i] - meanH;
        double y = g.get(k)[i] - meanG;
        cov += x * y;
        varH += x * x;
        varG += y * y;
      }
      sum += cov / Math.sqrt(varH * varG);
    }
    return sum / n;
  }

  static double[] sum(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] + b[i];
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double cosine(double[] a, double[] b) {
    double left = dot(a, a);
    double right = dot(b, b);
    return left == 0 || right == 0 ? 0 : dot(a, b) / Math.sqrt(left * right);
  }
}
