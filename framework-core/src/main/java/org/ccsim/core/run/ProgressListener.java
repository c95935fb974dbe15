package org.ccsim.core.run;

/** Told about the runner's progress; called from worker threads, so implementations synchronise. */
public interface ProgressListener {

  /** A (rule, replicate) finished an epoch (epochs count from 1 over all phases). */
  void epochDone(String rule, int replicate, int epoch);

  /** A (rule, replicate) diverged and will not train its remaining {@code epochs} epochs. */
  default void epochsSkipped(String rule, int replicate, int epochs) {
  }
}
