package org.ccsim.core.run;

import java.io.IOException;
import org.ccsim.core.results.Checkpoint;

/**
 * Asked by a {@link Runner} on the worker thread, as a unit is about to start, whether this process
 * trains it and from which checkpoint: where a shard process ({@code ccsim work}) claims the unit, so
 * that a unit is claimed only while it trains.
 */
@FunctionalInterface
public interface UnitAdmission {

  /** A unit left to another process. */
  Start LEFT = new Start(false, null);

  /**
   * Whether the unit is trained here, from {@code checkpoint} ({@code null}: from the start).
   *
   * @param admitted false for a unit left to another process
   */
  record Start(boolean admitted, Checkpoint checkpoint) {

    /** A unit trained here from {@code checkpoint}, or afresh when it is {@code null}. */
    public static Start from(Checkpoint checkpoint) {
      return new Start(true, checkpoint);
    }
  }

  /** How {@code unit} starts in this process. */
  Start admit(UnitId unit) throws IOException;
}
