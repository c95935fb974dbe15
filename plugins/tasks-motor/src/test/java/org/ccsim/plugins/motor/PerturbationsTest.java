package org.ccsim.plugins.motor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Episode;
import org.ccsim.api.PerturbationType;
import org.ccsim.api.Probe;
import org.ccsim.api.SquaredErrorEpisode;
import org.ccsim.api.Task;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each perturbation's effect on the error, on a hand-made episode of four steps whose targets are
 * (1, 0), (2, 0), (3, 0), (4, 0): the target of step t (1-based) is (t, 0), all steps scored.
 */
class PerturbationsTest {

  private static final double[][] TARGETS = {{1, 0}, {2, 0}, {3, 0}, {4, 0}};

  /** A task that always gives the hand-made episode, with one probe. */
  private static final Task LINE = new Task() {
    @Override
    public int inputSize() {
      return 1;
    }

    @Override
    public int outputSize() {
      return 2;
    }

    @Override
    public Episode sample(RandomGenerator random) {
      return new SquaredErrorEpisode(new double[4][1], TARGETS);
    }

    @Override
    public List<Probe> probes() {
      return List.of(new Probe("only", sample(null), TARGETS));
    }
  };

  private static Episode perturbed(PerturbationType type, Object... parameters) {
    return perturbedTask(type, parameters).sample(TestBuildContext.random(5));
  }

  private static Task perturbedTask(PerturbationType type, Object... parameters) {
    return type.create(TestConfigs.of(type, parameters), new TestBuildContext(1, LINE, null)).apply(LINE);
  }

  @Test
  void rotationBy90DegreesScoresTheOutputTurnedCounterClockwise() {
    Episode episode = perturbed(new RotationType(), "degrees", 90.0);
    // output (0, -2) turned by 90 degrees is (2, 0): the target of step 2
    assertEquals(0.0, episode.loss(1, new double[] {0, -2}), 1e-12);
    // output (2, 0) is seen at (0, 2): error (0 - 2, 2 - 0), loss 0.5 * 8
    assertEquals(4.0, episode.loss(1, new double[] {2, 0}), 1e-12);
  }

  @Test
  void gainScalesTheOutputBeforeTheError() {
    Episode episode = perturbed(new GainType(), "factor", 2.0);
    assertEquals(0.0, episode.loss(3, new double[] {2, 0}), 1e-12, "(2, 0) doubled reaches (4, 0)");
    assertEquals(0.5 * 4, episode.loss(3, new double[] {1, 0}), 1e-12, "(1, 0) doubled falls 2 short");
    double[] gradient = new double[2];
    episode.lossGradient(3, new double[] {1, 0}, gradient);
    assertArrayEquals(new double[] {-4, 0}, gradient, 1e-12, "g * (g y - y*)");
  }

  @Test
  void targetJumpRotatesTheTargetFromItsStepOn() {
    Episode episode = perturbed(new TargetJumpType(), "degrees", 90.0, "atStep", 3L);
    assertEquals(0.0, episode.loss(1, new double[] {2, 0}), 1e-12, "step 2: before the jump");
    assertEquals(0.0, episode.loss(2, new double[] {0, 3}), 1e-12, "step 3: the target jumped to (0, 3)");
    assertEquals(0.0, episode.loss(3, new double[] {0, 4}), 1e-12, "step 4: (0, 4)");
    assertEquals(0.5 * 18, episode.loss(2, new double[] {3, 0}), 1e-12, "the old target misses by (3, -3)");
  }

  @Test
  void targetJumpBeyondTheEpisodeFails() {
    assertThrows(IllegalArgumentException.class, () -> perturbed(new TargetJumpType(), "atStep", 5L));
  }

  @Test
  void feedbackDelayScoresEachOutputAgainstTheTargetDStepsLater() {
    Episode episode = perturbed(new FeedbackDelayType(), "steps", 2L);
    // the known signal (t, 0) shifted by two steps: step 1 is scored against (3, 0), step 2 against (4, 0)
    assertEquals(0.0, episode.loss(0, new double[] {3, 0}), 1e-12);
    assertEquals(0.0, episode.loss(1, new double[] {4, 0}), 1e-12);
    assertEquals(0.5, episode.loss(0, new double[] {2, 0}), 1e-12);
    assertTrue(episode.hasTarget(1));
    assertFalse(episode.hasTarget(2), "the last two outputs are never seen");
    assertFalse(episode.hasTarget(3));
    double[] gradient = {9, 9};
    episode.lossGradient(3, new double[] {1, 1}, gradient);
    assertArrayEquals(new double[2], gradient, 0.0);
  }

  @Test
  void feedbackDelayOfZeroChangesNothing() {
    Episode episode = perturbed(new FeedbackDelayType(), "steps", 0L);
    for (int t = 0; t < 4; t++) {
      assertEquals(0.0, episode.loss(t, TARGETS[t]), 0.0);
      assertTrue(episode.hasTarget(t));
    }
  }

  @Test
  void sparseFeedbackKeepsEveryKthTarget() {
    Episode episode = perturbed(new SparseFeedbackType(), "every", 2L);
    assertFalse(episode.hasTarget(0));
    assertTrue(episode.hasTarget(1));
    assertFalse(episode.hasTarget(2));
    assertTrue(episode.hasTarget(3));
    assertEquals(0.0, episode.loss(0, new double[] {100, 0}), 0.0);
    assertEquals(0.5 * 4, episode.loss(3, new double[] {2, 0}), 1e-12);
  }

  @Test
  void noiseIsFixedWithinAnEpisodeAndDrawnFromTheSampleStream() {
    Task noisy = perturbedTask(new MotorNoiseType(), "sd", 0.5);
    Episode a = noisy.sample(TestBuildContext.random(3));
    Episode b = noisy.sample(TestBuildContext.random(3));
    Episode c = noisy.sample(TestBuildContext.random(4));
    double[] y = {1, 0};
    assertEquals(a.loss(0, y), a.loss(0, y), 0.0);
    assertEquals(a.loss(0, y), b.loss(0, y), 0.0, "same stream, same noise");
    assertNotEquals(a.loss(0, y), c.loss(0, y), "another stream, other noise");
    assertNotEquals(0.0, a.loss(0, y), "the noise moves a perfect output off target");
    assertEquals(0.0, perturbed(new MotorNoiseType(), "sd", 0.0).loss(0, y), 0.0);
  }

  @Test
  void planarPerturbationsNeedTwoDimensionalOutput() {
    Task oneD = TestBuildContext.taskOfSize(1, 1);
    for (PerturbationType type : List.of(new RotationType(), new TargetJumpType())) {
      assertThrows(ConfigException.class, () -> type.create(TestConfigs.of(type), new TestBuildContext(1, oneD, null)));
    }
  }

  @Test
  void probesAreTheBaseTasksUnperturbed() {
    Task rotated = perturbedTask(new RotationType(), "degrees", 45.0);
    assertSame(TARGETS, rotated.probes().get(0).path());
  }

  static Stream<Object[]> everyPerturbation() {
    return Stream.of(
        new Object[] {new RotationType(), new Object[] {"degrees", 30.0}},
        new Object[] {new GainType(), new Object[] {"factor", -0.7}},
        new Object[] {new TargetJumpType(), new Object[] {"degrees", 60.0, "atStep", 2L}},
        new Object[] {new FeedbackDelayType(), new Object[] {"steps", 1L}},
        new Object[] {new SparseFeedbackType(), new Object[] {"every", 2L}},
        new Object[] {new MotorNoiseType(), new Object[] {"sd", 0.3}});
  }

  @ParameterizedTest
  @MethodSource("everyPerturbation")
  void gradientMatchesFiniteDifferencesOfTheLoss(PerturbationType type, Object[] parameters) {
    Episode episode = perturbed(type, parameters);
    double[] y = {0.7, -1.3};
    double h = 1e-6;
    for (int t = 0; t < episode.length(); t++) {
      double[] gradient = new double[2];
      episode.lossGradient(t, y, gradient);
      for (int i = 0; i < 2; i++) {
        double[] up = y.clone();
        double[] down = y.clone();
        up[i] += h;
        down[i] -= h;
        assertEquals((episode.loss(t, up) - episode.loss(t, down)) / (2 * h), gradient[i], 1e-7,
            type.id() + " step " + t + " component " + i);
      }
    }
  }
}
