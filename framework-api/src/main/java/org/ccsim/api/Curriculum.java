package org.ccsim.api;

/**
 * Stages of growing difficulty that training moves through as it succeeds, the curriculum of Graves,
 * Wayne &amp; Danihelka (2014) for the repeat-copy task as Pemberton &amp; Costa (TMLR 2024) train it: a
 * training unit starts at stage 0, samples each batch from {@link #stage} of its current stage, and
 * after a batch that {@link #passes} it moves to the next stage for the next batch; from the last stage
 * it does not move. Each unit keeps its own stage, so every rule advances at its own pace, and saves it
 * in its checkpoints.
 *
 * <p>A task without a curriculum has {@link #single} of itself ({@link Task#curriculum()}).
 */
public interface Curriculum {

  /** The number of stages, at least 1. */
  int stages();

  /** The task whose episodes a batch at {@code stage} ({@code 0 <= stage < stages()}) trains on. */
  Task stage(int stage);

  /**
   * Whether a training batch at {@code stage} whose episodes' loss averaged {@code meanLoss} (as the
   * host records metric {@code loss}) completes it.
   */
  boolean passes(int stage, double meanLoss);

  /** The curriculum of one stage, {@code task} itself, which no batch passes. */
  static Curriculum single(Task task) {
    return new Curriculum() {
      @Override
      public int stages() {
        return 1;
      }

      @Override
      public Task stage(int stage) {
        return task;
      }

      @Override
      public boolean passes(int stage, double meanLoss) {
        return false;
      }
    };
  }
}
