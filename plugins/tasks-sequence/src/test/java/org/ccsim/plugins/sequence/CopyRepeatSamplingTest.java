package org.ccsim.plugins.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.Task;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;

/** What sampling draws: every pattern length and repeat count of the ranges, fair bits, one episode length. */
class CopyRepeatSamplingTest {

  private static final int BITS = 4;

  private final CopyRepeatType type = new CopyRepeatType();

  /** L in 2..4 and N in 1..3: the longest layout has (3 + 1) 4 + 3 = 19 steps. */
  @Test
  void everyLengthAndRepeatCountOfTheRangesIsDrawnAndEveryEpisodeHasTheLongestLength() {
    Task task = type.create(TestConfigs.of(type, "bits", BITS, "minLength", 2, "maxLength", 4, "minRepeats", 1,
        "maxRepeats", 3), new TestBuildContext(1));
    RandomGenerator random = TestBuildContext.random(3);
    Set<List<Integer>> drawn = new HashSet<>();
    for (int e = 0; e < 300; e++) {
      Episode episode = task.sample(random);
      assertEquals(19, episode.length(), "episode " + e);
      int countStep = stepOfTheRepeatCount(episode);
      int length = countStep - 1;
      int repeats = (int) Math.round(episode.input(countStep)[BITS + 1] * 10);
      assertEquals(repeats * length + 1, scoredSteps(episode), "N L answers and the end marker, episode " + e);
      drawn.add(List.of(length, repeats));
    }
    Set<List<Integer>> all = new HashSet<>();
    for (int length = 2; length <= 4; length++) {
      for (int repeats = 1; repeats <= 3; repeats++) {
        all.add(List.of(length, repeats));
      }
    }
    assertEquals(all, drawn);
  }

  /** 2000 pattern bits: each channel is 1 about half of the time (binomial sd 0.022 per channel of 500). */
  @Test
  void patternBitsAreFairCoinFlips() {
    Task task = type.create(TestConfigs.of(type, "bits", BITS, "minLength", 5, "maxLength", 5), new TestBuildContext(1));
    RandomGenerator random = TestBuildContext.random(4);
    double[] ones = new double[BITS];
    int episodes = 100;
    for (int e = 0; e < episodes; e++) {
      Episode episode = task.sample(random);
      for (int t = 1; t <= 5; t++) {
        for (int b = 0; b < BITS; b++) {
          ones[b] += episode.input(t)[b];
        }
      }
    }
    for (int b = 0; b < BITS; b++) {
      assertEquals(0.5, ones[b] / (5 * episodes), 0.1, "channel " + b);
    }
  }

  private static int stepOfTheRepeatCount(Episode episode) {
    for (int t = 0; t < episode.length(); t++) {
      if (episode.input(t)[BITS + 1] != 0) {
        return t;
      }
    }
    throw new AssertionError("no repeat count");
  }

  private static int scoredSteps(Episode episode) {
    int scored = 0;
    for (int t = 0; t < episode.length(); t++) {
      scored += episode.hasTarget(t) ? 1 : 0;
    }
    return scored;
  }
}
