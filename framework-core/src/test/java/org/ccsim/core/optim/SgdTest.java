package org.ccsim.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.ccsim.api.Tensor;
import org.junit.jupiter.api.Test;

/** SGD: Psi <- Psi - eta dL/dPsi, element by element, tensor by tensor. */
class SgdTest {

  @Test
  void stepsAgainstTheGradient() {
    Tensor w = new Tensor("W", "cortex", 1, 2, new double[] {1.0, 2.0});
    Tensor b = new Tensor("b", "cortex", 1, 1, new double[] {-1.0});
    Tensor gw = new Tensor("W", "cortex", 1, 2, new double[] {0.5, -1.0});
    Tensor gb = new Tensor("b", "cortex", 1, 1, new double[] {4.0});

    new Sgd(0.1).step(List.of(w, b), List.of(gw, gb));

    assertArrayEquals(new double[] {1.0 - 0.05, 2.0 + 0.1}, w.data(), 1e-15);
    assertArrayEquals(new double[] {-1.0 - 0.4}, b.data(), 1e-15);
  }

  @Test
  void zeroLearningRateFreezes() {
    Tensor w = new Tensor("W", "cortex", 1, 2, new double[] {1.0, 2.0});

    new Sgd(0).step(List.of(w), List.of(new Tensor("W", "cortex", 1, 2, new double[] {3.0, 4.0})));

    assertArrayEquals(new double[] {1.0, 2.0}, w.data());
  }
}
