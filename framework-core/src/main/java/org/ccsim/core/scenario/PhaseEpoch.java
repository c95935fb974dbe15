package org.ccsim.core.scenario;

import java.util.List;

/**
 * Where an epoch counted from 1 across phases lies: in which phase, and which epoch of it.
 *
 * @param phase the index of the phase in the scenario's order
 * @param epochInPhase the epoch counted from 1 within the phase
 */
record PhaseEpoch(int phase, int epochInPhase) {

  /** Where {@code epoch} lies; it must be between 1 and the epochs of all {@code phases}. */
  static PhaseEpoch of(List<Scenario.Phase> phases, int epoch) {
    int before = 0;
    for (int p = 0; p < phases.size(); p++) {
      if (epoch <= before + phases.get(p).epochs()) {
        return new PhaseEpoch(p, epoch - before);
      }
      before += phases.get(p).epochs();
    }
    throw new IllegalArgumentException("epoch " + epoch + " lies after the last phase (" + before + " epochs)");
  }
}
