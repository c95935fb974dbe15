package org.ccsim.plugins.bplambda;

import java.util.List;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.Tensor;

/**
 * The trained tensors of a synthesiser's parameters ({@link Synthesiser#TRAINED}) seen as one flat
 * vector of P values, in the order {@link Synthesiser#addParameterJacobian} uses.
 */
final class TrainedVector {

  private TrainedVector() {
  }

  /** P, the number of trained values. */
  static int size(ParameterSet theta) {
    return theta.group(Synthesiser.TRAINED).stream().mapToInt(t -> t.data().length).sum();
  }

  /** Adds {@code scale * flat} to the trained tensors of {@code target}, tensor by tensor. */
  static void addTo(ParameterSet target, double[] flat, double scale) {
    int offset = 0;
    for (Tensor t : target.group(Synthesiser.TRAINED)) {
      double[] data = t.data();
      for (int i = 0; i < data.length; i++) {
        data[i] += scale * flat[offset + i];
      }
      offset += data.length;
    }
  }

  /** The tensors of the trained group, for an optimiser. */
  static List<Tensor> trained(ParameterSet set) {
    return set.group(Synthesiser.TRAINED);
  }
}
