package org.ccsim.plugins.online;

import java.util.ArrayList;
import java.util.List;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.Tensor;

/**
 * The immediate parameter Jacobian {@code I_t = ds_t/dPsi} of a network's recurrent layer
 * (ALGORITHMS §8) as a dense n x |Psi| matrix, where Psi lists, in order, the values of every tensor
 * outside the network's readout groups. Row i is the network's own product
 * {@link Network#accumulateParameterGradient} with the unit vector {@code e_i}, so any network's
 * analytic Jacobian serves, the LSTM's as well as the tanh RNN's; the cost, n such products per step,
 * is below that of the influence matrix update it feeds.
 */
final class ImmediateJacobian {

  private final Network network;
  private final List<String> names = new ArrayList<>();
  private final int size;
  private final ParameterSet scratch;
  private final double[] unit;

  ImmediateJacobian(Network network, ParameterSet params) {
    this.network = network;
    int values = 0;
    for (Tensor tensor : params.tensors()) {
      if (!network.readoutGroups().contains(tensor.group())) {
        names.add(tensor.name());
        values += tensor.data().length;
      }
    }
    this.size = values;
    this.scratch = params.zerosLike();
    this.unit = new double[network.hiddenSize()];
  }

  /** |Psi|: the recurrent layer's parameter values. */
  int size() {
    return size;
  }

  /** Writes {@code I_t} of {@code step} (n x |Psi|, row-major) into {@code out}. */
  void write(ParameterSet params, Step step, double[] out) {
    for (int i = 0; i < unit.length; i++) {
      scratch.clear();
      unit[i] = 1.0;
      network.accumulateParameterGradient(params, step, unit, scratch);
      unit[i] = 0.0;
      int offset = i * size;
      for (String name : names) {
        double[] row = scratch.get(name).data();
        System.arraycopy(row, 0, out, offset, row.length);
        offset += row.length;
      }
    }
  }

  /** Adds a flat gradient over Psi, in this layout, to the tensors of {@code grad}. */
  void addTo(double[] flat, ParameterSet grad) {
    int offset = 0;
    for (String name : names) {
      double[] values = grad.get(name).data();
      for (int j = 0; j < values.length; j++) {
        values[j] += flat[offset + j];
      }
      offset += values.length;
    }
  }
}
