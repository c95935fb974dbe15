package org.ccsim.core.build;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ccsim.api.DivergenceException;
import org.ccsim.core.results.SnapshotStore;
import org.junit.jupiter.api.Test;

/** The loss explosion bound of {@code training.lossExplosion}, relative to the first batch's loss. */
class LossExplosionTest {

  @Test
  void aLossUpToTheFactorTimesTheFirstBatchsPassesAndAboveItDiverges() {
    LossExplosion explosion = new LossExplosion(100);
    explosion.check(2.0);
    assertDoesNotThrow(() -> explosion.check(200.0), "exactly 100 times is still allowed");
    DivergenceException e = assertThrows(DivergenceException.class, () -> explosion.check(250.0));
    assertEquals("loss 250 (over 100 × the first batch's 2.00)", e.quantity());
    assertEquals(DivergenceException.NO_STEP, e.step());
    assertEquals("loss 250 (over 100 × the first batch's 2.00) exploded", e.getMessage());
  }

  @Test
  void aFirstBatchWithoutErrorSetsNoScale() {
    LossExplosion explosion = new LossExplosion(10);
    explosion.check(0.0);
    explosion.check(1.0);
    assertDoesNotThrow(() -> explosion.check(10.0));
    assertThrows(DivergenceException.class, () -> explosion.check(10.1));
  }

  @Test
  void theReferenceTravelsWithTheCheckpoint() {
    LossExplosion trained = new LossExplosion(10);
    trained.check(3.0);
    SnapshotStore snapshot = new SnapshotStore();
    trained.save(snapshot);

    LossExplosion resumed = new LossExplosion(10);
    resumed.restore(snapshot);
    assertThrows(DivergenceException.class, () -> resumed.check(31.0), "the saved first batch's 3 is the scale");

    LossExplosion fromAnOlderCheckpoint = new LossExplosion(10);
    fromAnOlderCheckpoint.restore(new SnapshotStore());
    assertDoesNotThrow(() -> fromAnOlderCheckpoint.check(31.0), "without a saved scale the next batch sets it");
    assertThrows(DivergenceException.class, () -> fromAnOlderCheckpoint.check(311.0));
  }
}
