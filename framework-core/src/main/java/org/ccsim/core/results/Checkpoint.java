package org.ccsim.core.results;

import java.util.List;

/**
 * What a run keeps of one (rule, replicate) unit so that a resumed run carries on exactly where it
 * stopped: how far it got, the rows it has recorded so far, and (unless it is complete) its whole
 * training state. {@link CheckpointFile} stores it.
 *
 * @param rule the scenario's name for the rule
 * @param replicate the replicate, from 1
 * @param complete whether the unit is done, having trained every epoch or diverged (then {@code state}
 *     is empty)
 * @param epochsDone epochs finished, counted across phases
 * @param batchesDone batches finished of epoch {@code epochsDone + 1} (a checkpoint taken on
 *     interruption may fall inside an epoch)
 * @param scenario the digest of the scenario the unit belongs to ({@link Checkpoints#digest})
 * @param rows the metric rows recorded so far
 * @param trajectories the probe trajectories recorded so far
 * @param state the unit's training state, as {@code TrainingUnit.saveState} writes it
 * @param divergence where the unit diverged (then it is complete), or {@code null}
 */
public record Checkpoint(String rule, int replicate, boolean complete, int epochsDone, int batchesDone,
    String scenario, List<MetricRow> rows, List<TrajectoryRow> trajectories, SnapshotStore state, Divergence divergence) {

  public Checkpoint {
    rows = List.copyOf(rows);
    trajectories = List.copyOf(trajectories);
  }

  /** The key of a unit in maps of checkpoints. */
  public static String key(String rule, int replicate) {
    return rule + "/" + replicate;
  }
}
