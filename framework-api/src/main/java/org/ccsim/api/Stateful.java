package org.ccsim.api;

/**
 * A component whose instances change while they train (weights of their own, optimiser moments,
 * lesion flags, random streams they draw from): for checkpoints, it saves that state into a
 * {@link Snapshot} and restores it into a freshly built instance, after which the instance must
 * behave exactly, bit for bit, as the saved one would have.
 *
 * <p>A component that keeps drawing random numbers while it trains draws them from a
 * {@link ReplayableRandom} (seeded from its {@link BuildContext#random} stream) and saves its
 * {@link ReplayableRandom#draws()}.
 *
 * <p>The host saves only between batches, so a rule whose eligibility traces live within an episode
 * has none to save; a rule that carries traces or other values across batches must save them too.
 * The defaults save nothing, which is right only for an instance that never changes after it is
 * built; the contract kit's checkpoint test fails for a stateful component that keeps them.
 */
public interface Stateful {

  /** Writes every value that changed since the instance was built into {@code into}. */
  default void saveState(Snapshot into) {
  }

  /** Sets a freshly built instance to the state {@link #saveState} wrote into {@code from}. */
  default void restoreState(Snapshot from) {
  }
}
