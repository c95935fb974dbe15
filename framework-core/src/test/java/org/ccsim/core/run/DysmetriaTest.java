package org.ccsim.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ccsim.core.results.TrajectoryRow;
import org.junit.jupiter.api.Test;

/** The {@code dysmetria} score D on hand-made hand paths ({@link Dysmetria}). */
class DysmetriaTest {

  /** A straight line of 10 steps from (1, 0) to (10, 0), as line drawing's probes have (R = 10, T = 10). */
  private static final double[][] LINE = line(10);

  private static double[][] line(int steps) {
    double[][] path = new double[steps][];
    for (int t = 0; t < steps; t++) {
      path[t] = new double[] {10.0 * (t + 1) / steps, 0};
    }
    return path;
  }

  /** {@code path} with the y of every interior point moved by {@code +-amplitude}, alternating. */
  private static double[][] wobbled(double[][] path, double amplitude) {
    double[][] hand = new double[path.length][];
    for (int t = 0; t < path.length; t++) {
      double sideways = t == 0 || t == path.length - 1 ? 0 : (t % 2 == 0 ? amplitude : -amplitude);
      hand[t] = new double[] {path[t][0], path[t][1] + sideways};
    }
    return hand;
  }

  @Test
  void theTargetPathItselfScoresZero() {
    assertEquals(0, Dysmetria.of(LINE, LINE), 0);
  }

  @Test
  void aStraightPathAlongTheTargetAtAnotherSpeedScoresZeroToo() {
    double[][] hand = new double[10][];
    for (int t = 0; t < 10; t++) {
      double u = t / 9.0;
      hand[t] = new double[] {1 + 9 * u * u, 0}; // slow start, fast finish, from (1, 0) to (10, 0)
    }
    assertEquals(0, Dysmetria.of(hand, LINE), 1e-12);
  }

  @Test
  void aLateralWobbleScoresAboveTheSamePathStraightAndGrowsWithItsSize() {
    double small = Dysmetria.of(wobbled(LINE, 0.5), LINE);
    double large = Dysmetria.of(wobbled(LINE, 1.0), LINE);
    assertTrue(small > 0, "wobble 0.5: " + small);
    assertTrue(large > small, "wobble 1 (" + large + ") above wobble 0.5 (" + small + ")");
  }

  /** The line drawn 1 to the side at every step: every point of either path is 1 from the other path. */
  @Test
  void aParallelLineScoresItsOffset() {
    double[][] hand = new double[10][];
    for (int t = 0; t < 10; t++) {
      hand[t] = new double[] {LINE[t][0], 1};
    }
    assertEquals(1, Dysmetria.of(hand, LINE), 1e-15);
  }

  /**
   * Hand (1, 1), (2, 0) against the target (1, 0), (2, 0). Hand to target line: (1, 1) is 1 from it,
   * (2, 0) on it, mean 1/2. Target to hand path, the segment from (1, 1) to (2, 0): (1, 0) projects at
   * u = ((0, -1) . (1, -1)) / 2 = 1/2 onto (1.5, 0.5), at distance sqrt(1/2); (2, 0) is on it; mean
   * sqrt(1/2) / 2. D = (1/2 + sqrt(1/2) / 2) / 2 = (1 + sqrt(1/2)) / 4 = 0.42678.
   */
  @Test
  void aSmallCaseComputedByHand() {
    double[][] hand = {{1, 1}, {2, 0}};
    double[][] path = {{1, 0}, {2, 0}};
    assertEquals((1 + Math.sqrt(0.5)) / 4, Dysmetria.of(hand, path), 1e-15);
  }

  /**
   * Both ways matter. A hand that never leaves the origin is close to the line's first point
   * (distance 1), but the line's points are 1, 2, ..., 10 from it: D = (1 + 5.5) / 2 = 3.25
   * (hypometria). A hand that goes on along the line from (1, 0) to (19, 0) in steps of 2 has every
   * target point on its path, but its points past (10, 0), 11 to 19, are 1, 3, ..., 9 from the line:
   * D = (25 / 10 + 0) / 2 = 1.25 (hypermetria).
   */
  @Test
  void undershootAndOvershootAlongTheLineScoreToo() {
    double[][] still = new double[10][];
    double[][] beyond = new double[10][];
    for (int t = 0; t < 10; t++) {
      still[t] = new double[] {0, 0};
      beyond[t] = new double[] {2.0 * t + 1, 0};
    }
    assertEquals(3.25, Dysmetria.of(still, LINE), 1e-12);
    assertEquals(1.25, Dysmetria.of(beyond, LINE), 1e-12);
  }

  /** The "stay" probe of line drawing: the target path is one point held; D is then the mean distance to it. */
  @Test
  void aTargetThatIsOnePointHeld() {
    double[][] stay = {{0, 0}, {0, 0}, {0, 0}};
    double[][] hand = {{0, 0}, {3, 4}, {0, 0}};
    // hand to the point: (0 + 5 + 0) / 3; the point to the hand path (0, 0) -> (3, 4) -> (0, 0): 0
    assertEquals(5.0 / 6, Dysmetria.of(hand, stay), 1e-15);
  }

  @Test
  void theMetricIsTheMeanOverProbesOfOneProbeRun() {
    List<TrajectoryRow> rows = new ArrayList<>();
    add(rows, "straight", LINE, LINE);
    add(rows, "wobbly", wobbled(LINE, 1.0), LINE);
    assertEquals(Dysmetria.of(wobbled(LINE, 1.0), LINE) / 2, Dysmetria.mean(rows), 1e-15);
  }

  private static void add(List<TrajectoryRow> rows, String probe, double[][] hand, double[][] path) {
    for (int t = 0; t < hand.length; t++) {
      rows.add(new TrajectoryRow("rule", 1, "train", 1, probe, t + 1, t % 2 == 1, hand[t], path[t]));
    }
  }
}
