package org.ccsim.api;

import java.util.random.RandomGenerator;

/**
 * A supervised sequence task. Immutable; every random choice comes from the generator passed to
 * {@link #sample}, which the host derives from the scenario seed so that every rule of a replicate
 * sees the same episodes.
 *
 * <p>A task is either generated (every episode drawn afresh) or a finite dataset of
 * {@link #examples()} examples, which the host trains on in an order it shuffles every epoch, each
 * example once. For held-out evaluation the host asks {@link #heldOut} for a split.
 */
public interface Task {

  /** m: size of each input. */
  int inputSize();

  /** k: size of each target/output. */
  int outputSize();

  /** Draws one episode, consuming random numbers only from {@code random}. */
  Episode sample(RandomGenerator random);

  /**
   * Fixed episodes for trajectory plots, one per condition (e.g. per target), the same at every
   * call; none by default.
   */
  default java.util.List<Probe> probes() {
    return java.util.List.of();
  }

  /** The number of examples of a finite dataset, which {@link #example} returns; 0 (the default) for a generated task. */
  default int examples() {
    return 0;
  }

  /**
   * Example {@code index} of a finite dataset, {@code 0 <= index < examples()}; {@link #sample} of
   * such a task draws one of them.
   */
  default Episode example(int index) {
    throw new UnsupportedOperationException("a generated task has no numbered examples");
  }

  /**
   * The task of held-out episodes for the evaluation {@code split} ({@value #TEST} or
   * {@value #TRAIN}): a dataset's test split, or its training split. A generated task serves itself
   * (the default): the host then samples it from an evaluation stream of its own, apart from the
   * training samples.
   */
  default Task heldOut(String split) {
    return this;
  }

  /**
   * The stages the host trains this task through: {@link Curriculum#single} of the task itself by
   * default; a task with a curriculum returns the stages, each itself a task, and the rule that
   * completes one.
   */
  default Curriculum curriculum() {
    return Curriculum.single(this);
  }

  /** The held-out split of a dataset. */
  String TEST = "test";

  /** The training split, for evaluating on examples the network has learnt from. */
  String TRAIN = "train";
}
