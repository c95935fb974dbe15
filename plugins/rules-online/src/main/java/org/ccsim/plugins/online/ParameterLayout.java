package org.ccsim.plugins.online;

import java.util.ArrayList;
import java.util.List;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;

/**
 * The flat vector Psi of ALGORITHMS §8: the values of every tensor outside the network's readout
 * groups, tensor after tensor in the parameter set's order. The influence matrices of the online rules
 * have one column per entry of Psi; the readout takes its immediate gradient instead.
 */
final class ParameterLayout {

  /** The tensors' names in order; an array, since looping over a list allocates its iterator every step. */
  private final String[] names;
  private final int size;

  ParameterLayout(Network network, ParameterSet params) {
    List<String> kept = new ArrayList<>();
    int values = 0;
    for (Tensor tensor : params.tensors()) {
      if (!network.readoutGroups().contains(tensor.group())) {
        kept.add(tensor.name());
        values += tensor.data().length;
      }
    }
    this.names = kept.toArray(String[]::new);
    this.size = values;
  }

  /** |Psi|. */
  int size() {
    return size;
  }

  /** Copies the values of Psi in {@code from} into {@code out}, starting at {@code offset}. */
  void flatten(ParameterSet from, double[] out, int offset) {
    int at = offset;
    for (String name : names) {
      double[] values = from.get(name).data();
      System.arraycopy(values, 0, out, at, values.length);
      at += values.length;
    }
  }

  /** Adds a flat vector over Psi to the matching tensors of {@code grad}. */
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
