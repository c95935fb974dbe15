package org.ccsim.api;

import java.util.List;

/**
 * A learning rule: runs a batch of episodes through the network and computes weight gradients, when
 * and how it likes: once per episode (BPTT), once per window (truncated BPTT) or at every step
 * (online rules). It never changes parameters itself: it hands each gradient to
 * {@link TrainingContext#apply}, and the host's optimisers apply it.
 *
 * <p>Call order: the host creates one instance per (rule, replicate) and calls {@link #train} once
 * per batch, and {@link #act} between batches when a scenario event names the rule, from one thread
 * at a time. Any state an instance keeps between batches is its own, and it saves and restores that
 * state for checkpoints ({@link Stateful}).
 */
public interface LearningRule extends Stateful {

  /**
   * Trains on one batch. For every example and step the rule must report the output it produced
   * through {@link TrainingContext#observeOutput}, so that the host can record the loss.
   */
  void train(List<Episode> batch, TrainingContext context);

  /**
   * Carries out a scenario event's action, one of {@link LearningRuleType#actions()}, between two
   * batches (before the first batch of the event's epoch). The host sends only declared actions.
   *
   * @throws UnsupportedOperationException for an action this rule does not declare (the default
   *     accepts none)
   */
  default void act(String action) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " accepts no action '" + action + "'");
  }
}
