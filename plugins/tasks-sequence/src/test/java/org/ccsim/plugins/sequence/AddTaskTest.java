package org.ccsim.plugins.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Episode;
import org.ccsim.api.Task;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;

/** The add task's targets, its scored steps, its landmark losses and its refused lags. */
class AddTaskTest {

  private final AddTaskType type = new AddTaskType();

  private Task task(Object... parameters) {
    return type.create(TestConfigs.of(type, parameters), new TestBuildContext(1));
  }

  @Test
  void targetsAreTheLaggedSumOfTheInputBitsFromTheSecondLagOn() {
    Episode episode = task("length", 40, "firstLag", 2, "secondLag", 7).sample(TestBuildContext.random(3));
    assertEquals(40, episode.length());
    for (int t = 0; t < 40; t++) {
      double x = episode.input(t)[0];
      assertTrue(x == 0.0 || x == 1.0, "a bit");
      assertEquals(t >= 7, episode.hasTarget(t), "step " + t);
      if (t >= 7) {
        double expected = 0.5 + 0.5 * episode.input(t - 2)[0] - 0.25 * episode.input(t - 7)[0];
        assertEquals(0.0, episode.loss(t, new double[] {expected}), "step " + t);
        assertEquals(0.5 * 0.01, episode.loss(t, new double[] {expected + 0.1}), 1e-15);
      }
    }
  }

  /**
   * The landmarks are the losses of the best predictors over neither lag (the mean 0.625), over the
   * first only (its term plus the second's mean), and over both, measured on 200000 scored steps.
   */
  @Test
  void theLandmarksAreTheLossesOfTheBestPredictorsOfEachHorizon() {
    Task task = task();
    RandomGenerator random = TestBuildContext.random(4);
    double[] sums = new double[3];
    int scored = 0;
    while (scored < 200_000) {
      Episode episode = task.sample(random);
      for (int t = 9; t < episode.length(); t++) {
        double first = episode.input(t - 5)[0];
        sums[0] += episode.loss(t, new double[] {0.625});
        sums[1] += episode.loss(t, new double[] {0.5 + 0.5 * first - 0.125});
        sums[2] += episode.loss(t, new double[] {0.5 + 0.5 * first - 0.25 * episode.input(t - 9)[0]});
        scored++;
      }
    }
    assertEquals(AddTask.landmark(AddTask.Captured.NEITHER), sums[0] / scored, 5e-4);
    assertEquals(AddTask.landmark(AddTask.Captured.FIRST), sums[1] / scored, 2e-4);
    assertEquals(0.0, sums[2] / scored);
    assertEquals(0.0390625, AddTask.landmark(AddTask.Captured.NEITHER));
    assertEquals(0.0078125, AddTask.landmark(AddTask.Captured.FIRST));
  }

  @Test
  void lagsThatLeaveNothingToScoreOrComeInTheWrongOrderAreRefused() {
    ConfigException order = assertThrows(ConfigException.class, () -> task("firstLag", 9, "secondLag", 5));
    assertEquals("secondLag", order.parameter());
    assertEquals("must be greater than firstLag = 9 (got 5)", order.getMessage());
    ConfigException length = assertThrows(ConfigException.class, () -> task("length", 9));
    assertEquals("must be below length = 9, so that a step is scored (got 9)", length.getMessage());
  }
}
