/**
 * Plugin {@code tasks-sequence}: generated sequence-memory tasks with binary targets, scored by the
 * bit-wise cross-entropy of {@link org.ccsim.api.BitwiseCrossEntropyEpisode}. So far the task
 * {@code copy-repeat} ({@link org.ccsim.plugins.sequence.CopyRepeatType}): what one episode holds
 * step by step is {@link org.ccsim.plugins.sequence.CopyRepeatLayout}, how episodes are drawn
 * {@link org.ccsim.plugins.sequence.CopyRepeat}.
 */
package org.ccsim.plugins.sequence;
