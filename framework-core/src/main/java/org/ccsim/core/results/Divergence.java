package org.ccsim.core.results;

import org.ccsim.api.DivergenceException;

/**
 * Where a (rule, replicate) stopped because a quantity of training became NaN or infinite, or its loss
 * exploded ({@code training.lossExplosion}): one line
 * of {@code divergences.csv}. Its metrics up to the epoch before stay in {@code metrics.csv}.
 *
 * @param epoch the epoch being trained (from 1 across phases, as in {@code metrics.csv})
 * @param batch the batch of that epoch (from 1)
 * @param step the episode step t (from 0) where the quantity appeared, or
 *     {@link DivergenceException#NO_STEP} when it belongs to no step
 * @param quantity what was not finite, e.g. {@code "weight synthesiser/W"}, or what exploded and how far
 */
public record Divergence(String rule, int replicate, String phase, int epoch, int batch, int step, String quantity) {

  /** The divergence {@code e} reports, in the given place of the schedule. */
  public static Divergence of(DivergenceException e, String rule, int replicate, String phase, int epoch, int batch) {
    return new Divergence(rule, replicate, phase, epoch, batch, e.step(), e.quantity());
  }

  /** One line for people, e.g. {@code "bp-lambda replicate 2: weight synthesiser/W at epoch 3, batch 1, step 4"}. */
  public String describe() {
    return rule + " replicate " + replicate + ": " + quantity + " at epoch " + epoch + " (phase " + phase + "), batch "
        + batch + (step == DivergenceException.NO_STEP ? "" : ", step " + step);
  }
}
