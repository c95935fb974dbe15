package org.ccsim.core.run;

import java.util.ArrayList;
import java.util.List;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Probe;
import org.ccsim.api.Step;
import org.ccsim.core.results.TrajectoryRow;

/**
 * Runs the network forward on a task's probes with a unit's current parameters, without learning,
 * and returns the outputs step by step, each marked scored or not as the probe's episode scores it: the
 * hand paths of trajectory plots.
 */
final class ProbeRun {

  private ProbeRun() {
  }

  static List<TrajectoryRow> rows(Network network, ParameterSet parameters, List<Probe> probes, String rule,
      int replicate, String phase, int epoch) {
    List<TrajectoryRow> rows = new ArrayList<>();
    for (Probe probe : probes) {
      double[] h = network.initialState();
      for (int t = 0; t < probe.episode().length(); t++) {
        Step step = network.newStep();
        network.forward(parameters, h, probe.episode().input(t), step);
        rows.add(new TrajectoryRow(rule, replicate, phase, epoch, probe.label(), t + 1, probe.episode().hasTarget(t),
            step.y.clone(), probe.path()[t].clone()));
        h = step.h;
      }
    }
    return rows;
  }
}
