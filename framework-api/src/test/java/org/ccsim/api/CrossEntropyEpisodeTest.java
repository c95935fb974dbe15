package org.ccsim.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The two cross-entropy losses of ALGORITHMS §1 ({@link SoftmaxCrossEntropyEpisode},
 * {@link BitwiseCrossEntropyEpisode}): values by hand, gradients against central finite
 * differences, no overflow at large scores, and accuracy on hand-made cases.
 */
class CrossEntropyEpisodeTest {

  private static final double[][] TWO_STEPS = {{0.5}, {-0.5}};

  private final SoftmaxCrossEntropyEpisode classes =
      new SoftmaxCrossEntropyEpisode(TWO_STEPS, new int[] {SoftmaxCrossEntropyEpisode.NO_TARGET, 2});
  private final BitwiseCrossEntropyEpisode bits =
      new BitwiseCrossEntropyEpisode(TWO_STEPS, new double[][] {null, {1, 0, 1}});

  @Test
  void theSoftmaxLossIsMinusTheLogProbabilityOfTheTargetClass() {
    double[] y = {1, 2, 3};
    double probability = Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3));
    assertEquals(-Math.log(probability), classes.loss(1, y), 1e-15);
    assertEquals(0, classes.loss(0, y));
    assertFalse(classes.hasTarget(0));
    assertTrue(classes.hasTarget(1));
  }

  @Test
  void theBitwiseLossSumsTheLogisticLossOfEveryBit() {
    double[] y = {0.3, -1.2, 2.0};
    double expected = -Math.log(sigmoid(0.3)) - Math.log(1 - sigmoid(-1.2)) - Math.log(sigmoid(2.0));
    assertEquals(expected, bits.loss(1, y), 1e-14);
    assertEquals(0, bits.loss(0, y));
  }

  @Test
  void gradientsAreTheDerivativesOfTheLosses() {
    double[] y = {0.7, -1.3, 0.2};
    assertGradient(classes, y);
    assertGradient(bits, y);
    double[] out = {9, 9, 9};
    classes.lossGradient(0, y, out);
    assertArrayEquals(new double[3], out, "no target, no gradient");
    out = new double[] {9, 9, 9};
    bits.lossGradient(0, y, out);
    assertArrayEquals(new double[3], out, "no target, no gradient");
  }

  @Test
  void largeScoresNeitherOverflowNorLoseTheLoss() {
    double[] y = {1000, -1000, 900};
    assertEquals(100, classes.loss(1, y), 1e-12, "the target's score is 100 below the largest");
    double[] gradient = new double[3];
    classes.lossGradient(1, y, gradient);
    assertArrayEquals(new double[] {1, 0, -1}, gradient, 1e-12);
    assertEquals(1000 + 1000 + 0, bits.loss(1, new double[] {-1000, 1000, 1000}), 1e-9);
  }

  @Test
  void softmaxAccuracyIsWhetherTheLargestScoreIsTheTargetsFirstOnTies() {
    assertTrue(classes.scoresAccuracy());
    assertEquals(1, classes.accuracy(1, new double[] {0, 1, 2}));
    assertEquals(0, classes.accuracy(1, new double[] {3, 1, 2}));
    assertEquals(0, classes.accuracy(1, new double[] {2, 1, 2}), "a tie goes to the first class");
    SoftmaxCrossEntropyEpisode first = new SoftmaxCrossEntropyEpisode(TWO_STEPS, new int[] {0, 0});
    assertEquals(1, first.accuracy(0, new double[] {2, 1, 2}));
  }

  @Test
  void bitwiseAccuracyIsTheFractionOfBitsOnTheirSideOfAHalf() {
    assertTrue(bits.scoresAccuracy());
    assertEquals(1, bits.accuracy(1, new double[] {0.1, -0.1, 5}));
    assertEquals(2.0 / 3, bits.accuracy(1, new double[] {0.1, 0.1, 5}), 1e-15);
    assertEquals(0, bits.accuracy(1, new double[] {-1, 1, -1}));
  }

  @Test
  void aClassOutsideTheOutputsIsRefusedWithTheStep() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> classes.loss(1, new double[2]));
    assertEquals("step 1: class 2 of 2 outputs", e.getMessage());
  }

  @Test
  void squaredErrorEpisodesHaveNoAccuracy() {
    Episode episode = new SquaredErrorEpisode(TWO_STEPS, new double[][] {null, {1}});
    assertFalse(episode.scoresAccuracy());
    assertThrows(UnsupportedOperationException.class, () -> episode.accuracy(1, new double[1]));
  }

  private static void assertGradient(Episode episode, double[] y) {
    double[] analytic = new double[y.length];
    episode.lossGradient(1, y, analytic);
    double[] numeric = centralDifferences(y, v -> episode.loss(1, v));
    assertArrayEquals(numeric, analytic, 1e-8);
  }

  private static double[] centralDifferences(double[] x, ToDoubleFunction<double[]> f) {
    double h = 1e-6;
    double[] gradient = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double[] plus = x.clone();
      double[] minus = x.clone();
      plus[i] += h;
      minus[i] -= h;
      gradient[i] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
    }
    return gradient;
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }
}
