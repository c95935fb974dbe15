package org.ccsim.api;

import java.util.random.RandomGenerator;

/**
 * A supervised sequence task. Immutable; every random choice comes from the generator passed to
 * {@link #sample}, which the host derives from the scenario seed so that every rule of a replicate
 * sees the same episodes.
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
}
