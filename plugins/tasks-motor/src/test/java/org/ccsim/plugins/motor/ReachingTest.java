package org.ccsim.plugins.motor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ccsim.api.ConfigException;
import org.ccsim.api.DataFile;
import org.ccsim.api.Episode;
import org.ccsim.api.Probe;
import org.ccsim.api.SquaredErrorEpisode;
import org.ccsim.api.Task;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReachingTest {

  private final ReachingType type = new ReachingType();

  private Reaching task(Object... overrides) {
    return (Reaching) type.create(TestConfigs.of(type, overrides), new TestBuildContext(1));
  }

  @Test
  void minimumJerkPathStartsAndEndsSlowlyAndIsHalfwayAtHalfTime() {
    SquaredErrorEpisode episode = task("steps", 4L, "radius", 10.0, "targets", 4L).episode(1, Math.PI / 2, 10.0);
    // s(u) = 10u^3 - 15u^4 + 6u^5 at u = 1/4, 1/2, 3/4, 1: 0.103515625, 0.5, 0.896484375, 1
    double[] expected = {1.03515625, 5, 8.96484375, 10};
    for (int t = 0; t < 4; t++) {
      assertArrayEquals(new double[] {0, expected[t]}, episode.targets()[t], 1e-12, "step " + (t + 1));
    }
  }

  @Test
  void linearPathAdvancesEvenly() {
    SquaredErrorEpisode episode = task("steps", 5L, "profile", "linear").episode(0, 0, 10.0);
    for (int t = 0; t < 5; t++) {
      assertArrayEquals(new double[] {2.0 * (t + 1), 0}, episode.targets()[t], 1e-12);
    }
  }

  @Test
  void oneHotCueIsShownForCueSteps() {
    Episode episode = task("targets", 4L, "cueSteps", 2L).episode(2, Math.PI, 10.0);
    assertArrayEquals(new double[] {0, 0, 1, 0}, episode.input(0), 0.0);
    assertArrayEquals(new double[] {0, 0, 1, 0}, episode.input(1), 0.0);
    assertArrayEquals(new double[4], episode.input(2), 0.0);
  }

  @Test
  void continuousDirectionsCueCosineAndSine() {
    Task task = task("directions", "continuous", "cue", "direction");
    assertEquals(2, task.inputSize());
    SquaredErrorEpisode episode = (SquaredErrorEpisode) task.sample(TestBuildContext.random(2));
    double[] cue = episode.input(0);
    assertEquals(1.0, cue[0] * cue[0] + cue[1] * cue[1], 1e-12);
    double[] end = episode.targets()[9];
    assertArrayEquals(new double[] {10 * cue[0], 10 * cue[1]}, end, 1e-12, "the path heads where the cue points");
  }

  @Test
  void aOneHotCueNeedsDiscreteDirections() {
    ConfigException e = assertThrows(ConfigException.class, () -> task("directions", "continuous"));
    assertEquals("cue", e.parameter());
  }

  @Test
  void scoringEveryKthStepOrOnlyTheLast() {
    Episode every3 = task("targetEvery", 3L).episode(0, 0, 10.0);
    Episode last = task("lastStepOnly", true).episode(0, 0, 10.0);
    for (int t = 0; t < 10; t++) {
      assertEquals((t + 1) % 3 == 0, every3.hasTarget(t), "step " + (t + 1));
      assertEquals(t == 9, last.hasTarget(t), "step " + (t + 1));
    }
  }

  @Test
  void oneProbePerTargetWithTheWholePath() {
    List<Probe> probes = task("targets", 4L, "targetEvery", 5L).probes();
    assertEquals(4, probes.size());
    assertEquals("target 1 (90 deg)", probes.get(1).label());
    assertArrayEquals(new double[] {0, 10}, probes.get(1).path()[9], 1e-12);
    assertEquals(10, probes.get(1).path().length, "unscored steps are on the path too");
    assertArrayEquals(new double[] {0, 1, 0, 0}, probes.get(1).episode().input(0), 0.0);
  }

  @Test
  void samplesComeOnlyFromTheGivenStream() {
    Task task = task("directions", "continuous", "cue", "direction");
    assertArrayEquals(task.sample(TestBuildContext.random(7)).input(0), task.sample(TestBuildContext.random(7)).input(0), 0.0);
  }

  @Test
  void targetsFromAFileAreTheEndPointsOfTheMovements(@TempDir Path dir) throws IOException {
    Path csv = Files.writeString(dir.resolve("targets.csv"), "# x, y\n3, 4\n\n-2,0\n0,0.5\n");
    Reaching task = task("steps", 5L, "targetsFile", new DataFile("targets.csv", csv));

    assertEquals(3, task.inputSize());
    List<Probe> probes = task.probes();
    assertEquals(3, probes.size());
    assertArrayEquals(new double[] {3, 4}, probes.get(0).path()[4], 1e-12);
    assertArrayEquals(new double[] {-2, 0}, probes.get(1).path()[4], 1e-12);
    assertArrayEquals(new double[] {0, 0.5}, probes.get(2).path()[4], 1e-12);
    assertArrayEquals(new double[] {0, 0, 1}, probes.get(2).episode().input(0), 0.0);
  }

  @Test
  void aBadLineOfTheTargetsFileNamesFileAndLine(@TempDir Path dir) throws IOException {
    Path csv = Files.writeString(dir.resolve("targets.csv"), "1,2\n3;4\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> task("targetsFile", new DataFile("data/targets.csv", csv)));

    assertEquals("targetsFile", e.parameter());
    assertEquals("data/targets.csv line 2: expected two finite numbers x,y (got '3;4')", e.getMessage());
    Files.writeString(csv, "1,NaN\n");
    assertTrue(assertThrows(ConfigException.class, () -> task("targetsFile", new DataFile("t.csv", csv)))
        .getMessage().startsWith("t.csv line 1: expected two finite numbers"));
    Files.writeString(csv, "# nothing\n");
    assertEquals("t.csv has no targets: expected lines x,y",
        assertThrows(ConfigException.class, () -> task("targetsFile", new DataFile("t.csv", csv))).getMessage());
  }

  @Test
  void aTargetsFileGivesDiscreteTargets(@TempDir Path dir) throws IOException {
    Path csv = Files.writeString(dir.resolve("targets.csv"), "1,2\n");
    assertEquals("targetsFile", assertThrows(ConfigException.class, () -> task("directions", "continuous",
        "cue", "direction", "targetsFile", new DataFile("targets.csv", csv))).parameter());
  }
}
