package org.ccsim.core.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.Task;
import org.ccsim.core.results.MetricRow;
import org.ccsim.core.scenario.Scenario;

/**
 * A held-out evaluation ({@link Scenario.Evaluation}): runs the network forward with a unit's current
 * parameters, without learning, on the evaluation's episodes and gives their mean episode loss (the
 * {@code loss} metric's measure) and, when they score one, their mean accuracy over target steps.
 */
final class HeldOutRun {

  private HeldOutRun() {
  }

  /**
   * The evaluation's rows for one unit at one epoch.
   *
   * @param task the phase's task, whose {@link Task#heldOut} split is evaluated
   * @param stream a fresh evaluation stream of the replicate, asked for only by a generated task
   */
  static List<MetricRow> rows(Scenario.Evaluation evaluation, Network network, ParameterSet parameters, Task task,
      Supplier<RandomGenerator> stream, String rule, int replicate, String phase, int epoch) {
    List<Episode> episodes = episodes(task.heldOut(evaluation.split()), evaluation.examples(), stream);
    double loss = 0;
    double accuracy = 0;
    int scored = 0;
    for (Episode episode : episodes) {
      double[] h = network.initialState();
      for (int t = 0; t < episode.length(); t++) {
        Step step = network.newStep();
        network.forward(parameters, h, episode.input(t), step);
        loss += episode.loss(t, step.y);
        if (episode.scoresAccuracy() && episode.hasTarget(t)) {
          accuracy += episode.accuracy(t, step.y);
          scored++;
        }
        h = step.h;
      }
    }
    List<MetricRow> rows = new ArrayList<>();
    rows.add(new MetricRow(rule, replicate, phase, epoch, evaluation.lossMetric(), loss / episodes.size()));
    if (scored > 0) {
      rows.add(new MetricRow(rule, replicate, phase, epoch, evaluation.accuracyMetric(), accuracy / scored));
    }
    return rows;
  }

  /** A dataset split's first {@code count} examples (all of them if it has fewer), or {@code count} samples of a generated task. */
  private static List<Episode> episodes(Task heldOut, int count, Supplier<RandomGenerator> stream) {
    List<Episode> episodes = new ArrayList<>();
    if (heldOut.examples() > 0) {
      for (int i = 0; i < Math.min(count, heldOut.examples()); i++) {
        episodes.add(heldOut.example(i));
      }
    } else {
      RandomGenerator random = stream.get();
      for (int i = 0; i < count; i++) {
        episodes.add(heldOut.sample(random));
      }
    }
    return episodes;
  }
}
