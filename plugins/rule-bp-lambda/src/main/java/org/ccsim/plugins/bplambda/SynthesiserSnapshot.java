package org.ccsim.plugins.bplambda;

import org.ccsim.api.Optimiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Snapshot;

/**
 * The checkpoint state every synthetic-gradient rule shares: the synthesiser's trained weights theta
 * (its fixed weights, such as the cerebellum's mossy-fibre expansion, are rebuilt from their seed) and
 * the state of the optimiser that trains them.
 */
final class SynthesiserSnapshot {

  private SynthesiserSnapshot() {
  }

  static void save(Snapshot into, ParameterSet theta, Optimiser optimiser) {
    into.child("synthesiser").putTensors(TrainedVector.trained(theta));
    optimiser.saveState(into.child("synthesiser-optimiser"));
  }

  static void restore(Snapshot from, ParameterSet theta, Optimiser optimiser) {
    from.child("synthesiser").copyTensorsInto(TrainedVector.trained(theta));
    optimiser.restoreState(from.child("synthesiser-optimiser"));
  }

  /** {@link #save(Snapshot, ParameterSet, Optimiser)}, and the lesion flags a scenario's events set. */
  static void save(Snapshot into, ParameterSet theta, Optimiser optimiser, Lesions lesions) {
    save(into, theta, optimiser);
    lesions.saveState(into.child("lesions"));
  }

  /** {@link #restore(Snapshot, ParameterSet, Optimiser)}, and the lesion flags. */
  static void restore(Snapshot from, ParameterSet theta, Optimiser optimiser, Lesions lesions) {
    restore(from, theta, optimiser);
    lesions.restoreState(from.child("lesions"));
  }
}
