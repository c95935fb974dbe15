package org.ccsim.core.build;

import java.util.Arrays;
import java.util.List;
import org.ccsim.api.Episode;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.Tensor;

/**
 * The host's {@code update-alignment} of one batch, for any rule (ALGORITHMS §5): the cosine between
 * the sum of the network gradients the rule handed over during the batch and the full-BPTT gradient
 * of the batch's mean loss (ALGORITHMS §2) at the weights the batch began with, over the network's
 * groups but its readout ({@link Network#readoutGroups}), whose gradient every rule takes from the
 * immediate loss. A rule updating during the batch is compared by its summed updates.
 */
final class UpdateAlignment {

  private final Network network;
  private final ParameterSet start;
  private final ParameterSet handed;
  private final List<String> networkGroups;

  /** Starts a batch at the weights {@code params} have now. */
  UpdateAlignment(Network network, ParameterSet params) {
    this.network = network;
    this.start = params.copy();
    this.handed = params.zerosLike();
    this.networkGroups = params.groups();
  }

  /** Adds the network tensors of a gradient the rule hands over (before any optimiser changes it). */
  void add(ParameterSet gradient) {
    for (Tensor g : gradient.tensors()) {
      if (!networkGroups.contains(g.group())) {
        continue;
      }
      double[] sum = handed.get(g.name()).data();
      double[] values = g.data();
      for (int i = 0; i < sum.length; i++) {
        sum[i] += values[i];
      }
    }
  }

  /** The sum of the network gradients added so far. */
  ParameterSet handed() {
    return handed;
  }

  /** The cosine for the batch the rule trained on. */
  double of(List<Episode> batch) {
    return cosine(network, handed, bpttGradient(network, start, batch));
  }

  /** The cosine of {@code a} and {@code b} over {@code a}'s tensors but those of the network's readout groups. */
  static double cosine(Network network, ParameterSet a, ParameterSet b) {
    double dot = 0;
    double left = 0;
    double right = 0;
    for (Tensor u : a.tensors()) {
      if (network.readoutGroups().contains(u.group())) {
        continue;
      }
      double[] x = u.data();
      double[] y = b.get(u.name()).data();
      for (int i = 0; i < x.length; i++) {
        dot += x[i] * y[i];
        left += x[i] * x[i];
        right += y[i] * y[i];
      }
    }
    return left == 0 || right == 0 ? 0 : dot / Math.sqrt(left * right);
  }

  /** The L2 norm of {@code a} over its tensors but those of the network's readout groups. */
  static double norm(Network network, ParameterSet a) {
    double sum = 0;
    for (Tensor u : a.tensors()) {
      if (!network.readoutGroups().contains(u.group())) {
        for (double x : u.data()) {
          sum += x * x;
        }
      }
    }
    return Math.sqrt(sum);
  }

  /**
   * The gradient at {@code start} of the sum of the batch's episode losses by backpropagation through
   * every step (ALGORITHMS §2).
   */
  static ParameterSet bpttGradient(Network network, ParameterSet start, List<Episode> batch) {
    ParameterSet grad = start.zerosLike();
    double[] dLdy = new double[network.outputSize()];
    double[] signal = new double[network.hiddenSize()];
    double[] future = new double[network.hiddenSize()];
    for (Episode episode : batch) {
      Step[] steps = new Step[episode.length()];
      double[] h = network.initialState();
      for (int t = 0; t < steps.length; t++) {
        steps[t] = network.newStep();
        network.forward(start, h, episode.input(t), steps[t]);
        h = steps[t].h;
      }
      Arrays.fill(future, 0.0);
      for (int t = steps.length - 1; t >= 0; t--) {
        episode.lossGradient(t, steps[t].y, dLdy);
        network.readoutBackward(start, steps[t], dLdy, grad, signal);
        for (int i = 0; i < signal.length; i++) {
          signal[i] += future[i];
        }
        network.accumulateParameterGradient(start, steps[t], signal, grad);
        if (t > 0) {
          network.stateVjp(start, steps[t], signal, future);
        }
      }
    }
    return grad;
  }
}
