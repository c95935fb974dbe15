package org.ccsim.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Config;
import org.ccsim.api.Episode;
import org.ccsim.api.Task;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link org.ccsim.api.TaskType}: equal seeds give equal episodes, sampling again
 * from a reset generator repeats them (the task keeps no state), and every episode is finite and
 * shaped as the task says. {@link PerturbationContract} applies the same checks to perturbed tasks.
 */
public abstract class TaskContract extends ComponentContract<Task> {

  @Test
  void equalSeedsGiveEqualEpisodesAndResamplingRepeatsThem() {
    for (Config config : configs()) {
      assertSameEpisodes(create(config, 3), create(config, 3));
    }
  }

  @Test
  void episodesAreFiniteAndShaped() {
    for (Config config : configs()) {
      assertWellFormed(create(config, 3));
    }
  }

  /** Two tasks sample equal episodes from equal generators, again after a reset of the generator. */
  static void assertSameEpisodes(Task first, Task second) {
    List<String> a = describe(first, TestBuildContext.random(11), 4);
    assertEquals(a, describe(second, TestBuildContext.random(11), 4), "equal seeds, equal episodes");
    assertEquals(a, describe(first, TestBuildContext.random(11), 4), "resampling from a reset generator");
  }

  /** Every step of a few episodes has inputs of the task's size, finite values, a non-negative loss. */
  static void assertWellFormed(Task task) {
    RandomGenerator random = TestBuildContext.random(5);
    for (int e = 0; e < 4; e++) {
      Episode episode = task.sample(random);
      assertTrue(episode.length() > 0, "at least one step");
      boolean anyTarget = false;
      double[] y = new double[task.outputSize()];
      double[] gradient = new double[task.outputSize()];
      for (int t = 0; t < episode.length(); t++) {
        assertEquals(task.inputSize(), episode.input(t).length, "input size at step " + t);
        assertFinite(episode.input(t), "input at step " + t);
        double loss = episode.loss(t, y);
        assertTrue(Double.isFinite(loss) && loss >= 0, "loss at step " + t + ": " + loss);
        episode.lossGradient(t, y, gradient);
        assertFinite(gradient, "loss gradient at step " + t);
        anyTarget |= episode.hasTarget(t);
      }
      assertTrue(anyTarget, "an episode scores at least one step");
    }
  }

  static void assertFinite(double[] values, String what) {
    for (double v : values) {
      assertTrue(Double.isFinite(v), what + " is not finite: " + v);
    }
  }

  /** The episodes' inputs, masks, losses and gradients at output zero, as text to compare. */
  private static List<String> describe(Task task, RandomGenerator random, int count) {
    List<String> out = new ArrayList<>();
    double[] zero = new double[task.outputSize()];
    double[] gradient = new double[task.outputSize()];
    for (int e = 0; e < count; e++) {
      Episode episode = task.sample(random);
      for (int t = 0; t < episode.length(); t++) {
        episode.lossGradient(t, zero, gradient);
        out.add(java.util.Arrays.toString(episode.input(t)) + episode.hasTarget(t) + episode.loss(t, zero)
            + java.util.Arrays.toString(gradient));
      }
    }
    return out;
  }
}
