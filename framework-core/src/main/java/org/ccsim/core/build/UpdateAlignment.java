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

  /** The cosine for the batch the rule trained on. */
  double of(List<Episode> batch) {
    ParameterSet bptt = bpttGradient(batch);
    double dot = 0;
    double left = 0;
    double right = 0;
    for (Tensor u : handed.tensors()) {
      if (network.readoutGroups().contains(u.group())) {
        continue;
      }
      double[] a = u.data();
      double[] b = bptt.get(u.name()).data();
      for (int i = 0; i < a.length; i++) {
        dot += a[i] * b[i];
        left += a[i] * a[i];
        right += b[i] * b[i];
      }
    }
    return left == 0 || right == 0 ? 0 : dot / Math.sqrt(left * right);
  }

  /** The gradient of the sum of the batch's episode losses by backpropagation through every step. */
  private ParameterSet bpttGradient(List<Episode> batch) {
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
