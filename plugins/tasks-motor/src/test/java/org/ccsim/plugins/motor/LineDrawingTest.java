package org.ccsim.plugins.motor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Episode;
import org.ccsim.api.SquaredErrorEpisode;
import org.ccsim.api.Task;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;

class LineDrawingTest {

  private final LineDrawingType type = new LineDrawingType();

  private LineDrawing task(Object... overrides) {
    return (LineDrawing) type.create(TestConfigs.of(type, overrides), new TestBuildContext(1));
  }

  @Test
  void targetIsTheStraightLineFromTheOriginToTheCircle() {
    LineDrawing task = task("targets", 6L, "radius", 10.0, "steps", 10L);
    SquaredErrorEpisode episode = task.episode(1, TestBuildContext.random(0));
    double angle = Math.PI / 3;
    assertArrayEquals(new double[] {10 * Math.cos(angle), 10 * Math.sin(angle)}, episode.targets()[9], 1e-12);
    assertArrayEquals(new double[] {5 * Math.cos(angle), 5 * Math.sin(angle)}, episode.targets()[4], 1e-12);
    assertArrayEquals(new double[] {Math.cos(angle), Math.sin(angle)}, episode.targets()[0], 1e-12);
  }

  @Test
  void firstAngleTurnsEveryTarget() {
    LineDrawing task = task("targets", 1L, "radius", 1.0, "firstAngle", 90.0);
    assertArrayEquals(new double[] {0, 1}, task.episode(0, TestBuildContext.random(0)).targets()[9], 1e-12);
  }

  @Test
  void stayClassKeepsTheTargetAtTheOrigin() {
    LineDrawing task = task("stayClass", true);
    assertEquals(7, task.classes());
    SquaredErrorEpisode stay = task.episode(6, TestBuildContext.random(0));
    for (int t = 0; t < 10; t++) {
      assertArrayEquals(new double[2], stay.targets()[t], 0.0);
    }
  }

  /**
   * ccDNI's line drawing by hand, from its {@code src/dataset/linedraw.py}: cue p in {-3..3} times
   * 0.1; p = 0 stays at the origin; p = -3, -2, -1, 1, 2, 3 take the end points 6, 5, 4, 3, 2, 1 of
   * {@code 10 (sin a, cos a)}, a = 0, 60, .., 300 degrees for points 1..6.
   */
  @Test
  void scalarCueAndCcdniTimingGiveCcdnisEpisodes() {
    LineDrawing task = task("targets", 6L, "radius", 10.0, "steps", 10L, "stayClass", true, "firstAngle", 90.0,
        "cue", "scalar", "timing", "ccdni", "targetEvery", 1L);
    int[] cues = {-3, -2, -1, 1, 2, 3};
    for (int i = 0; i < cues.length; i++) {
      double a = Math.toRadians(60 * (6 - i - 1));
      double[] end = {10 * Math.sin(a), 10 * Math.cos(a)};
      SquaredErrorEpisode episode = episodeWithCue(task, 0.1 * cues[i]);
      assertArrayEquals(new double[2], episode.targets()[0], 1e-12, "origin at step 0");
      assertArrayEquals(new double[] {end[0] * 4 / 9, end[1] * 4 / 9}, episode.targets()[4], 1e-12, "linspace");
      assertArrayEquals(end, episode.targets()[9], 1e-12, "cue " + cues[i] + ": end point at the last step");
      assertArrayEquals(new double[1], episode.input(1), 0.0, "cue at the first step only");
    }
    SquaredErrorEpisode stay = episodeWithCue(task, 0);
    assertArrayEquals(new double[2], stay.targets()[9], 0.0, "cue 0: stay");
  }

  private static SquaredErrorEpisode episodeWithCue(LineDrawing task, double cue) {
    for (int c = 0; c < task.classes(); c++) {
      SquaredErrorEpisode episode = task.episode(c, TestBuildContext.random(0));
      if (Math.abs(episode.input(0)[0] - cue) < 1e-12) {
        return episode;
      }
    }
    throw new AssertionError("no class with cue " + cue);
  }

  @Test
  void ccdniTimingScoresTheStepsFromTheFirstOnAndNeedsTwoSteps() {
    LineDrawing task = task("timing", "ccdni", "targetEvery", 2L);
    SquaredErrorEpisode episode = task.episode(0, TestBuildContext.random(0));
    for (int t = 0; t < 10; t++) {
      assertEquals(t % 2 == 0, episode.targets()[t] != null, "0-based step " + t + " scored at 0, 2, .., 8");
    }
    assertThrows(ConfigException.class, () -> task("timing", "ccdni", "steps", 1L));
    ConfigException odd = assertThrows(ConfigException.class, () -> task("cue", "scalar", "targets", 5L));
    assertTrue(odd.getMessage().contains("must be even"), odd.getMessage());
  }

  @Test
  void cueArrivesOnlyAtTheFirstStep() {
    LineDrawing task = task();
    Episode episode = task.episode(2, TestBuildContext.random(0));
    assertArrayEquals(new double[] {0, 0, 1, 0, 0, 0}, episode.input(0), 0.0);
    for (int t = 1; t < 10; t++) {
      assertArrayEquals(new double[6], episode.input(t), 0.0);
    }
  }

  @Test
  void masksFollowTargetEveryOrLastStepOnly() {
    Episode every2 = task("targetEvery", 2L).episode(0, TestBuildContext.random(0));
    Episode last = task("lastStepOnly", true).episode(0, TestBuildContext.random(0));
    for (int t = 0; t < 10; t++) {
      assertEquals(t % 2 == 1, every2.hasTarget(t), "step " + (t + 1));
      assertEquals(t == 9, last.hasTarget(t), "step " + (t + 1));
    }
    assertEquals(0.0, every2.loss(0, new double[] {100, 100}), "no loss on unscored steps");
  }

  @Test
  void lossIsHalfTheSquaredErrorAndItsGradientMatches() {
    Episode episode = task().episode(0, TestBuildContext.random(0));
    double[] y = {1.5, -2};
    double[] target = ((SquaredErrorEpisode) episode).targets()[3];
    double expected = 0.5 * ((y[0] - target[0]) * (y[0] - target[0]) + (y[1] - target[1]) * (y[1] - target[1]));
    assertEquals(expected, episode.loss(3, y), 1e-12);
    double[] gradient = new double[2];
    episode.lossGradient(3, y, gradient);
    assertArrayEquals(new double[] {y[0] - target[0], y[1] - target[1]}, gradient, 1e-12);
  }

  @Test
  void binaryCuesAreDistinctNonZeroAndFixedBySeed() {
    LineDrawing task = task("cue", "binary", "cueBits", 4L, "stayClass", true);
    assertEquals(4, task.inputSize());
    Set<List<Double>> codes = new HashSet<>();
    for (int c = 0; c < task.classes(); c++) {
      double[] cue = task.episode(c, TestBuildContext.random(0)).input(0);
      List<Double> code = java.util.Arrays.stream(cue).boxed().toList();
      assertTrue(code.contains(1.0), "class " + c + " has a non-zero code");
      assertTrue(codes.add(code), "class " + c + " has its own code");
    }
    LineDrawing again = task("cue", "binary", "cueBits", 4L, "stayClass", true);
    assertArrayEquals(task.episode(3, TestBuildContext.random(0)).input(0), again.episode(3, TestBuildContext.random(0)).input(0));
  }

  @Test
  void firstCueCodeFixesTheCodeOfClassZero() {
    LineDrawing task = task("cue", "binary", "cueBits", 10L, "firstCueCode", 833L, "targets", 3L);
    assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0, 1, 0, 1, 1}, task.episode(0, TestBuildContext.random(0)).input(0));
    assertThrows(ConfigException.class, () -> task("cue", "binary", "cueBits", 4L, "firstCueCode", 16L));
  }

  @Test
  void tooFewCueBitsAreAConfigurationError() {
    ConfigException e = assertThrows(ConfigException.class, () -> task("cue", "binary", "cueBits", 2L));
    assertEquals("cueBits", e.parameter());
  }

  @Test
  void samplesComeOnlyFromTheGivenStream() {
    Task task = task("inputNoise", 0.1);
    Episode a = task.sample(TestBuildContext.random(42));
    Episode b = task.sample(TestBuildContext.random(42));
    for (int t = 0; t < a.length(); t++) {
      assertArrayEquals(a.input(t), b.input(t), 0.0);
    }
    assertFalse(java.util.Arrays.equals(a.input(1), new double[6]), "noise reaches every step");
  }

  @Test
  void probesAreNoiseFreeOnePerClassWithTheWholeLine() {
    List<org.ccsim.api.Probe> probes = task("inputNoise", 0.5, "stayClass", true, "targetEvery", 5L).probes();
    assertEquals(7, probes.size());
    assertEquals("target 1 (60 deg)", probes.get(1).label());
    assertEquals("stay", probes.get(6).label());
    assertArrayEquals(new double[] {0, 1, 0, 0, 0, 0, 0}, probes.get(1).episode().input(0), 0.0);
    assertArrayEquals(new double[7], probes.get(1).episode().input(1), 0.0);
    assertArrayEquals(new double[] {5 * Math.cos(Math.PI / 3), 5 * Math.sin(Math.PI / 3)}, probes.get(1).path()[4], 1e-12);
    assertArrayEquals(new double[] {0, 0}, probes.get(6).path()[9], 0.0);
  }
}
