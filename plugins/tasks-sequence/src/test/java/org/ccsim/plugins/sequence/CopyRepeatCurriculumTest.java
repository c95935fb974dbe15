package org.ccsim.plugins.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Curriculum;
import org.ccsim.api.Episode;
import org.ccsim.api.Task;
import org.ccsim.plugins.sequence.CopyRepeatCurriculum.Stage;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;

/**
 * The reference's curriculum (neuralml/bp_lambda, {@code BatchGenerator.increment}: N grows while
 * below L, else L), bounded by the task's ranges; each stage's episodes at their own length; the pass
 * rule in bits per scored output.
 */
class CopyRepeatCurriculumTest {

  private final CopyRepeatType type = new CopyRepeatType();

  private static List<Stage> stages(int... pairs) {
    Stage[] stages = new Stage[pairs.length / 2];
    for (int i = 0; i < stages.length; i++) {
      stages[i] = new Stage(pairs[2 * i], pairs[2 * i + 1]);
    }
    return List.of(stages);
  }

  @Test
  void fromOneAndOneTheRepeatCountCatchesUpWithTheLengthAndThenTheLengthGrows() {
    assertEquals(stages(1, 1, 2, 1, 2, 2, 3, 2, 3, 3, 4, 3, 4, 4), CopyRepeatCurriculum.stages(1, 4, 1, 4));
  }

  @Test
  void whereOneBoundIsReachedFirstTheOtherCountGrowsAlone() {
    assertEquals(stages(1, 1, 2, 1, 3, 1), CopyRepeatCurriculum.stages(1, 3, 1, 1));
    assertEquals(stages(1, 1, 1, 2, 1, 3), CopyRepeatCurriculum.stages(1, 1, 1, 3));
    assertEquals(stages(2, 1, 2, 2, 3, 2, 4, 2), CopyRepeatCurriculum.stages(2, 4, 1, 2));
    assertEquals(stages(3, 3), CopyRepeatCurriculum.stages(3, 3, 3, 3));
  }

  @Test
  void eachStageSamplesEpisodesOfItsOwnLengthAndCount() {
    Task task = type.create(TestConfigs.of(type, "bits", 3, "maxLength", 3, "maxRepeats", 3, "curriculum", true),
        new TestBuildContext(1));
    Curriculum curriculum = task.curriculum();
    assertEquals(5, curriculum.stages());
    RandomGenerator random = TestBuildContext.random(5);
    int[][] lengthAndRepeats = {{1, 1}, {2, 1}, {2, 2}, {3, 2}, {3, 3}};
    for (int s = 0; s < 5; s++) {
      int length = lengthAndRepeats[s][0];
      int repeats = lengthAndRepeats[s][1];
      Episode episode = curriculum.stage(s).sample(random);
      assertEquals((repeats + 1) * length + 3, episode.length(), "stage " + s + ": unpadded length");
      assertEquals(repeats / 10.0, episode.input(length + 1)[4], "stage " + s + ": the repeat count N / 10");
      assertEquals(task.inputSize(), curriculum.stage(s).inputSize());
      assertEquals(task.outputSize(), curriculum.stage(s).outputSize());
    }
    assertEquals(15, task.sample(random).length(), "the task's own episodes: the longest layout, (3 + 1) 3 + 3");
  }

  /** At stage (2, 2) with 3 bits: 5 scored steps of 4 outputs, so 0.15 bits each are 20 x 0.15 ln 2 nats. */
  @Test
  void aBatchPassesBelowPassBitsPerScoredOutput() {
    Task task = type.create(TestConfigs.of(type, "bits", 3, "maxLength", 3, "maxRepeats", 3, "curriculum", true),
        new TestBuildContext(1));
    double threshold = 20 * 0.15 * Math.log(2);
    assertTrue(task.curriculum().passes(2, threshold * (1 - 1e-9)));
    assertFalse(task.curriculum().passes(2, threshold * (1 + 1e-9)));
    Task strict = type.create(TestConfigs.of(type, "bits", 3, "maxLength", 3, "maxRepeats", 3, "curriculum", true,
        "passBits", 0.01), new TestBuildContext(1));
    assertFalse(strict.curriculum().passes(2, threshold * 0.5));
  }

  @Test
  void withoutCurriculumTheTaskIsItsOnlyStage() {
    Task task = type.create(TestConfigs.of(type, "maxLength", 3), new TestBuildContext(1));
    assertEquals(1, task.curriculum().stages());
    assertTrue(task.curriculum().stage(0) == task);
  }
}
