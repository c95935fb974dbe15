package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.ccsim.testkit.TestBuildContext;
import org.junit.jupiter.api.Test;

/**
 * {@code linear-fit-alignment}: future gradients that are an affine map of the states are fitted
 * exactly (ceiling 1, even with fewer samples than inputs); noisy ones are fitted as the normal
 * equations, solved here by hand, fit them.
 */
class LinearFitCeilingTest {

  private final RandomGenerator random = TestBuildContext.random(83);

  @Test
  void anAffineMapOfTheStatesIsFittedExactlyEvenFromFewSamples() {
    for (int samples : new int[] {3, 40}) {
      double[][] h = new double[samples][];
      double[][] g = new double[samples][];
      double[] map = Numerics.gaussian(12, 1, random);
      for (int s = 0; s < samples; s++) {
        h[s] = Numerics.gaussian(3, 1, random);
        g[s] = new double[3];
        for (int i = 0; i < 3; i++) {
          g[s][i] = map[9 + i] + map[3 * i] * h[s][0] + map[3 * i + 1] * h[s][1] + map[3 * i + 2] * h[s][2];
        }
      }
      assertEquals(1.0, LinearFitCeiling.alignment(h, g), 1e-10, samples + " samples");
    }
  }

  @Test
  void noisyFutureGradientsGetTheCosineOfTheNormalEquationsFit() {
    int samples = 30;
    double[][] h = new double[samples][];
    double[][] g = new double[samples][];
    for (int s = 0; s < samples; s++) {
      h[s] = Numerics.gaussian(1, 1, random);
      g[s] = new double[] {2 * h[s][0] + 0.5 + random.nextGaussian(), random.nextGaussian()};
    }
    // per output i: [a_i, c_i] solves [[sum h^2, sum h], [sum h, S]] [a; c] = [sum h g_i, sum g_i]
    double shh = 0;
    double sh = 0;
    double[] shg = new double[2];
    double[] sg = new double[2];
    for (int s = 0; s < samples; s++) {
      shh += h[s][0] * h[s][0];
      sh += h[s][0];
      for (int i = 0; i < 2; i++) {
        shg[i] += h[s][0] * g[s][i];
        sg[i] += g[s][i];
      }
    }
    double det = shh * samples - sh * sh;
    double expected = 0;
    for (int s = 0; s < samples; s++) {
      double[] fitted = new double[2];
      for (int i = 0; i < 2; i++) {
        double a = (samples * shg[i] - sh * sg[i]) / det;
        double c = (shh * sg[i] - sh * shg[i]) / det;
        fitted[i] = a * h[s][0] + c;
      }
      expected += Diagnostics.cosine(null, 1, fitted, null, 1, g[s]) / samples;
    }
    double ceiling = LinearFitCeiling.alignment(h, g);
    assertEquals(expected, ceiling, 1e-10);
    assertTrue(ceiling < 0.99, "noise the states cannot explain keeps the ceiling below 1: " + ceiling);
  }
}
