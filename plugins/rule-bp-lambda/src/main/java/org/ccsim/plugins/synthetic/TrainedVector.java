package org.ccsim.plugins.synthetic;

import java.util.List;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.Tensor;

/**
 * The trained tensors of a synthesiser's parameters ({@link Synthesiser#TRAINED}) seen as one flat
 * vector of P values, in the order {@link JacobianSynthesiser#addParameterJacobian} uses.
 */
public final class TrainedVector {

  private TrainedVector() {
  }

  /** P, the number of trained values. */
  public static int size(ParameterSet theta) {
    return theta.group(Synthesiser.TRAINED).stream().mapToInt(t -> t.data().length).sum();
  }

  /** The tensors of the trained group, for an optimiser. */
  public static List<Tensor> trained(ParameterSet set) {
    return set.group(Synthesiser.TRAINED);
  }
}
