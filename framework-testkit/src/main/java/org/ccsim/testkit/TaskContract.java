package org.ccsim.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Config;
import org.ccsim.api.Curriculum;
import org.ccsim.api.Episode;
import org.ccsim.api.Task;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link org.ccsim.api.TaskType}: equal seeds give equal episodes, sampling again
 * from a reset generator repeats them (the task keeps no state), and every episode is finite and
 * shaped as the task says, its loss gradient is the derivative of its loss (central finite
 * differences), its accuracy, where it has one, is a fraction, and a finite dataset's examples and
 * held-out splits, and every stage of its curriculum, are as well formed as its samples. {@link PerturbationContract} applies the same
 * checks to perturbed tasks.
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

  @Test
  void theLossGradientIsTheDerivativeOfTheLoss() {
    for (Config config : configs()) {
      assertGradientIsDerivative(create(config, 3));
    }
  }

  /** Every stage of a curriculum is a task of the same sizes, as well formed and as repeatable as the task itself. */
  @Test
  void everyCurriculumStageIsAWellFormedTaskOfTheSameSizes() {
    for (Config config : configs()) {
      Task task = create(config, 3);
      Curriculum curriculum = task.curriculum();
      assertTrue(curriculum.stages() >= 1, "a curriculum has a stage");
      for (int s = 0; s < curriculum.stages(); s++) {
        Task stage = curriculum.stage(s);
        assertEquals(task.inputSize(), stage.inputSize(), "stage " + s + ": input size");
        assertEquals(task.outputSize(), stage.outputSize(), "stage " + s + ": output size");
        assertWellFormed(stage);
        assertSameEpisodes(stage, create(config, 3).curriculum().stage(s));
      }
    }
  }

  @Test
  void aDatasetsExamplesAndHeldOutSplitsAreWellFormed() {
    for (Config config : configs()) {
      Task task = create(config, 3);
      for (String split : List.of(Task.TEST, Task.TRAIN)) {
        Task heldOut = task.heldOut(split);
        assertEquals(task.inputSize(), heldOut.inputSize(), split + " split: input size");
        assertEquals(task.outputSize(), heldOut.outputSize(), split + " split: output size");
        assertWellFormed(heldOut);
      }
      if (task.examples() > 0) {
        for (int index : new int[] {0, task.examples() - 1}) {
          assertWellFormed(task.outputSize(), task.inputSize(), task.example(index), "example " + index);
        }
      }
    }
  }

  /**
   * At outputs drawn uniformly from [-2, 2], every target step's {@code dl_t/dy_t} matches the
   * central finite differences of {@code l_t} to a relative 1e-6.
   */
  static void assertGradientIsDerivative(Task task) {
    RandomGenerator random = TestBuildContext.random(7);
    int checked = 0;
    for (int e = 0; e < 3; e++) {
      Episode episode = task.sample(random);
      for (int t = 0; t < episode.length(); t++) {
        if (!episode.hasTarget(t)) {
          continue;
        }
        double[] y = new double[task.outputSize()];
        for (int o = 0; o < y.length; o++) {
          y[o] = random.nextDouble(-2, 2);
        }
        double[] analytic = new double[y.length];
        episode.lossGradient(t, y, analytic);
        int step = t;
        double[] numeric = FiniteDifferences.gradient(y, v -> episode.loss(step, v));
        double error = FiniteDifferences.relativeError(analytic, numeric);
        assertTrue(error < 1e-6, "dl/dy at step " + t + " is off the finite differences by " + error);
        checked++;
      }
    }
    assertTrue(checked > 0, "no target step to check");
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
      assertWellFormed(task.outputSize(), task.inputSize(), task.sample(random), "episode " + e);
    }
  }

  /**
   * One episode has inputs of size {@code inputs}, finite values, a non-negative loss, a target on
   * some step, and an accuracy in [0, 1] on its target steps when it scores one.
   */
  private static void assertWellFormed(int outputs, int inputs, Episode episode, String what) {
    assertTrue(episode.length() > 0, what + ": at least one step");
    boolean anyTarget = false;
    double[] y = new double[outputs];
    double[] gradient = new double[outputs];
    for (int t = 0; t < episode.length(); t++) {
      assertEquals(inputs, episode.input(t).length, what + ": input size at step " + t);
      assertFinite(episode.input(t), what + ": input at step " + t);
      double loss = episode.loss(t, y);
      assertTrue(Double.isFinite(loss) && loss >= 0, what + ": loss at step " + t + ": " + loss);
      episode.lossGradient(t, y, gradient);
      assertFinite(gradient, what + ": loss gradient at step " + t);
      if (episode.hasTarget(t) && episode.scoresAccuracy()) {
        double accuracy = episode.accuracy(t, y);
        assertTrue(accuracy >= 0 && accuracy <= 1, what + ": accuracy at step " + t + ": " + accuracy);
      }
      anyTarget |= episode.hasTarget(t);
    }
    assertTrue(anyTarget, what + ": scores at least one step");
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
