package org.ccsim.plugins.online;

import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;

/**
 * The immediate parameter Jacobian {@code I_t = ds_t/dPsi} of a network's recurrent layer
 * (ALGORITHMS §8) as a dense n x |Psi| matrix over a {@link ParameterLayout}. Row i is the network's
 * own product {@link Network#accumulateParameterGradient} with the unit vector {@code e_i}, so any
 * network's analytic Jacobian serves, the LSTM's as well as the tanh RNN's. It costs n such products,
 * so it is written once, to find the {@link ImmediatePattern} the rules then read at every step.
 */
final class ImmediateJacobian {

  private final Network network;
  private final ParameterLayout layout;
  private final ParameterSet scratch;
  private final double[] unit;

  ImmediateJacobian(Network network, ParameterLayout layout, ParameterSet params) {
    this.network = network;
    this.layout = layout;
    this.scratch = params.zerosLike();
    this.unit = new double[network.hiddenSize()];
  }

  /** Writes {@code I_t} of {@code step} (n x |Psi|, row-major) into {@code out}. */
  void write(ParameterSet params, Step step, double[] out) {
    for (int i = 0; i < unit.length; i++) {
      scratch.clear();
      unit[i] = 1.0;
      network.accumulateParameterGradient(params, step, unit, scratch);
      unit[i] = 0.0;
      layout.flatten(scratch, out, i * layout.size());
    }
  }
}
