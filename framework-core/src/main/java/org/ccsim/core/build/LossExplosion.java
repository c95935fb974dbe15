package org.ccsim.core.build;

import java.util.Locale;
import org.ccsim.api.DivergenceException;
import org.ccsim.core.results.SnapshotStore;

/**
 * The host's check for a loss that explodes while staying finite ({@code training.lossExplosion}, README.md,
 * "Command line"): a unit whose batch loss rises above {@code factor} times the loss of its first batch
 * (measured at the initial weights, before most of the first updates) has diverged, as one whose loss
 * became NaN. Without it, an optimiser with a far too large learning rate keeps a loss of 1e12 for the
 * whole run and its curves pass for slow learning.
 *
 * <p>A reference of 0 (a first batch without error) is no scale, so the first batch with a positive
 * loss sets it. The reference is part of the unit's state, saved and restored with its checkpoint (a
 * checkpoint an earlier ccsim wrote has none: the first batch after the resume sets it).
 */
final class LossExplosion {

  private static final String KEY = "explosion/reference-loss";

  private final double factor;
  private double reference = Double.NaN;

  /** @param factor how many times the first batch's loss a batch loss may reach, at least 1 */
  LossExplosion(double factor) {
    this.factor = factor;
  }

  /**
   * Checks one batch's mean loss (already known to be finite).
   *
   * @throws DivergenceException if it is above {@code factor} times the reference
   */
  void check(double loss) {
    if (!(reference > 0)) {
      reference = loss;
      return;
    }
    if (loss > factor * reference) {
      throw DivergenceException.exploded(String.format(Locale.ROOT, "loss %.3g (over %.3g × the first batch's %.3g)",
          loss, factor, reference));
    }
  }

  void save(SnapshotStore snapshot) {
    snapshot.putDoubles(KEY, reference);
  }

  void restore(SnapshotStore snapshot) {
    reference = snapshot.has(KEY) ? snapshot.doubles(KEY)[0] : Double.NaN;
  }
}
