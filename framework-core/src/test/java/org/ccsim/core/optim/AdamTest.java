package org.ccsim.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.ccsim.api.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Adam against Kingma &amp; Ba (2015), Algorithm 1, worked by hand for eta = 0.1, b1 = 0.9,
 * b2 = 0.999, eps = 1e-8 on two parameters, Psi = (1, -2), with gradients g1 = (0.5, 3) and
 * g2 = (-1, 0).
 */
class AdamTest {

  private final Tensor params = new Tensor("W", "cortex", 1, 2, new double[] {1.0, -2.0});
  private final Adam adam = new Adam(0.1, 0.9, 0.999, 1e-8);

  private void step(double... gradient) {
    adam.step(List.of(params), List.of(new Tensor("W", "cortex", 1, 2, gradient)));
  }

  @Test
  void firstStepIsLearningRateTimesSignOfGradient() {
    // t = 1: m = 0.1 g, v = 0.001 g^2; bias-corrected m^ = g, v^ = g^2, so the step is eta g / (|g| + eps)
    step(0.5, 3.0);

    assertArrayEquals(new double[] {
        1.0 - 0.1 * 0.5 / (0.5 + 1e-8),    // 0.900000002
        -2.0 - 0.1 * 3.0 / (3.0 + 1e-8)},  // -2.0999999996666667
        params.data(), 1e-15);
  }

  @Test
  void secondStepUsesBiasCorrectedMoments() {
    step(0.5, 3.0);
    step(-1.0, 0.0);

    // t = 2, first element: m = 0.9*0.05 + 0.1*(-1) = -0.055, v = 0.999*0.00025 + 0.001*1 = 0.00124975,
    // m^ = -0.055 / (1 - 0.81) = -0.28947..., v^ = 0.00124975 / (1 - 0.998001) = 0.62518...
    // second element (zero gradient, momentum carries on): m = 0.27, v = 0.008991,
    // m^ = 0.27 / 0.19 = 1.42105..., v^ = 0.008991 / 0.001999 = 4.49775...
    assertArrayEquals(new double[] {0.9366103542405656, -2.1670058247643735}, params.data(), 1e-14);
  }
}
