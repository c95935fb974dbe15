package org.ccsim.core.results;

/**
 * One line of {@code trajectories.csv}: the output of a rule's network at one step of a task probe
 * (e.g. the hand position on a reach to one target), with the probe's ideal path at that step, at the
 * end of an epoch.
 *
 * @param probe the probe's label
 * @param step the step, from 1
 * @param scored whether the task scores this step (the probe's episode has a target there,
 *     {@code Episode.hasTarget}); an unscored step's output is free, and the target is only the ideal path
 * @param output the network's output {@code y_t}
 * @param target the probe's path at that step
 */
public record TrajectoryRow(String rule, int replicate, String phase, int epoch, String probe, int step,
    boolean scored, double[] output, double[] target) {
}
