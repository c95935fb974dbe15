package org.ccsim.plugins.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.ccsim.api.BitwiseCrossEntropyEpisode;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;

/** One episode laid out by hand, step by step, against the reference's {@code sample_data}. */
class CopyRepeatLayoutTest {

  private final CopyRepeatType type = new CopyRepeatType();

  private CopyRepeat task(Object... overrides) {
    return (CopyRepeat) type.create(TestConfigs.of(type, overrides), new TestBuildContext(1));
  }

  /** Three bits, a pattern of two steps, three repeats: T = (3 + 1) 2 + 3 = 11. */
  @Test
  void inputsShowTheDelimiterThePatternAndTheScaledRepeatCountThenNothing() {
    BitwiseCrossEntropyEpisode episode = task("bits", 3, "minLength", 2, "maxLength", 2, "minRepeats", 3,
        "maxRepeats", 3).episode(new double[][] {{1, 0, 1}, {0, 1, 1}}, 3);

    assertEquals(11, episode.length());
    assertArrayEquals(new double[] {0, 0, 0, 1, 0}, episode.input(0), "start delimiter");
    assertArrayEquals(new double[] {1, 0, 1, 0, 0}, episode.input(1), "pattern step 1");
    assertArrayEquals(new double[] {0, 1, 1, 0, 0}, episode.input(2), "pattern step 2");
    assertArrayEquals(new double[] {0, 0, 0, 0, 0.3}, episode.input(3), "repeat count 3 / repeatScale 10");
    for (int t = 4; t < 11; t++) {
      assertArrayEquals(new double[5], episode.input(t), "no input while answering, step " + t);
    }
  }

  @Test
  void theAnswerIsThePatternRepeatedThenTheEndMarkerAndOnlyItIsScored() {
    BitwiseCrossEntropyEpisode episode = task("bits", 3, "minLength", 2, "maxLength", 2, "minRepeats", 3,
        "maxRepeats", 3).episode(new double[][] {{1, 0, 1}, {0, 1, 1}}, 3);

    for (int t = 0; t < 4; t++) {
      assertNull(episode.bits()[t], "no target before the answer, step " + t);
    }
    double[] first = {1, 0, 1, 0};
    double[] second = {0, 1, 1, 0};
    double[][] answer = {first, second, first, second, first, second, {0, 0, 0, 1}};
    for (int i = 0; i < answer.length; i++) {
      assertArrayEquals(answer[i], episode.bits()[4 + i], "target at step " + (4 + i));
    }
  }

  /** With the defaults (the reference's first curriculum stage) T = 5 and steps 3 and 4 are scored, its {@code teacher_inds = arange(3, 5)}. */
  @Test
  void theDefaultsAreTheReferencesFirstStage() {
    CopyRepeat task = task();
    BitwiseCrossEntropyEpisode episode = task.episode(new double[][] {{1, 1, 0, 0, 1, 0, 1, 0}}, 1);

    assertEquals(10, task.inputSize());
    assertEquals(9, task.outputSize());
    assertEquals(5, episode.length());
    assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0.1}, episode.input(2), "repeat count 1 / 10");
    assertArrayEquals(new double[] {1, 1, 0, 0, 1, 0, 1, 0, 0}, episode.bits()[3]);
    assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 1}, episode.bits()[4]);
  }

  /** Longest layout L = 3, N = 2 has 12 steps; an episode with L = 1, N = 2 ends at step 5 and is padded. */
  @Test
  void aShorterEpisodeIsPaddedAfterItsEndMarkerWithUnscoredSilentSteps() {
    BitwiseCrossEntropyEpisode episode = task("bits", 3, "minLength", 1, "maxLength", 3, "minRepeats", 1,
        "maxRepeats", 2).episode(new double[][] {{1, 1, 0}}, 2);

    assertEquals(12, episode.length());
    assertArrayEquals(new double[] {0, 0, 0, 0, 0.2}, episode.input(2));
    assertArrayEquals(new double[] {1, 1, 0, 0}, episode.bits()[3]);
    assertArrayEquals(new double[] {1, 1, 0, 0}, episode.bits()[4]);
    assertArrayEquals(new double[] {0, 0, 0, 1}, episode.bits()[5]);
    for (int t = 6; t < 12; t++) {
      assertArrayEquals(new double[5], episode.input(t), "padding input, step " + t);
      assertNull(episode.bits()[t], "padding target, step " + t);
    }
  }

  /** Logits of 0 cost ln 2 per output on every scored step and nothing elsewhere; accuracy is the fraction of outputs on the right side of 0. */
  @Test
  void lossAndAccuracyCountEveryOutputOfEveryScoredStep() {
    BitwiseCrossEntropyEpisode episode = task("bits", 3, "minLength", 2, "maxLength", 2, "minRepeats", 1,
        "maxRepeats", 1).episode(new double[][] {{1, 0, 1}, {0, 1, 1}}, 1);
    double total = 0;
    for (int t = 0; t < episode.length(); t++) {
      total += episode.loss(t, new double[4]);
    }
    assertEquals(3 * 4 * Math.log(2), total, 1e-12, "3 scored steps x 4 outputs x ln 2");

    double[] firstStep = {5, -5, 5, -5};
    assertEquals(1.0, episode.accuracy(4, firstStep), "pattern step {1, 0, 1} and no marker");
    assertEquals(0.5, episode.accuracy(5, firstStep), "against {0, 1, 1} and no marker");
    assertEquals(0.25, episode.accuracy(6, firstStep), "against the end marker {0, 0, 0, 1}");
  }
}
