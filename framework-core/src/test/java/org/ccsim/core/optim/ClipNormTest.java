package org.ccsim.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.List;
import org.ccsim.api.Optimiser;
import org.ccsim.api.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Clipping rescales the group's gradient (or, per tensor, each tensor) to maxNorm (L2) only above it,
 * then delegates.
 */
class ClipNormTest {

  private final Optimiser inner = mock(Optimiser.class);
  private final List<Tensor> params = List.of(Tensor.zeros("W", "cortex", 1, 2), Tensor.zeros("b", "cortex", 1, 1));

  private static List<Tensor> gradient(double w1, double w2, double b) {
    return List.of(new Tensor("W", "cortex", 1, 2, new double[] {w1, w2}), new Tensor("b", "cortex", 1, 1, new double[] {b}));
  }

  @Test
  void rescalesAGradientAboveMaxNormToMaxNormThenDelegates() {
    List<Tensor> grads = gradient(3.0, 0.0, 4.0); // global norm 5 over both tensors

    new ClipNorm(4.5, inner).step(params, grads);

    assertArrayEquals(new double[] {2.7, 0.0}, grads.get(0).data(), 1e-15);
    assertArrayEquals(new double[] {3.6}, grads.get(1).data(), 1e-15);
    verify(inner).step(params, grads);
  }

  @Test
  void leavesAGradientBelowMaxNormAlone() {
    List<Tensor> grads = gradient(0.3, 0.0, 0.4); // norm 0.5

    new ClipNorm(1.0, inner).step(params, grads);

    assertArrayEquals(new double[] {0.3, 0.0}, grads.get(0).data());
    assertArrayEquals(new double[] {0.4}, grads.get(1).data());
    verify(inner).step(params, grads);
  }

  @Test
  void leavesAGradientAtExactlyMaxNormAlone() {
    List<Tensor> grads = gradient(3.0, 0.0, 4.0);

    new ClipNorm(5.0, inner).step(params, grads);

    assertArrayEquals(new double[] {3.0, 0.0}, grads.get(0).data());
    assertArrayEquals(new double[] {4.0}, grads.get(1).data());
  }

  @Test
  void composesWithSgd() {
    Tensor w = new Tensor("W", "cortex", 1, 1, new double[] {1.0});

    new ClipNorm(0.5, new Sgd(0.1)).step(List.of(w), List.of(new Tensor("W", "cortex", 1, 1, new double[] {-10.0})));

    assertArrayEquals(new double[] {1.0 + 0.1 * 0.5}, w.data(), 1e-15);
  }

  @Test
  void perTensorClippingRescalesEachTensorOnItsOwn() {
    List<Tensor> grads = gradient(3.0, 4.0, 0.4); // W has norm 5, b norm 0.4

    new ClipNorm(1.0, true, inner).step(params, grads);

    assertArrayEquals(new double[] {0.6, 0.8}, grads.get(0).data(), 1e-15);
    assertArrayEquals(new double[] {0.4}, grads.get(1).data(), "b is within the norm and stays");
    verify(inner).step(params, grads);
  }
}
