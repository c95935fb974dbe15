package org.ccsim.core.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.ccsim.api.DivergenceException;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.build.TrainingUnit;
import org.ccsim.core.results.Divergence;
import org.ccsim.core.results.MetricRow;
import org.ccsim.core.results.TrajectoryRow;
import org.ccsim.core.scenario.Scenario;

/**
 * Runs every (rule, replicate) unit of a built scenario through its phases, epochs and batches.
 * Units are independent (own parameters, optimisers and sample stream, see {@link BuiltScenario}),
 * so they run in parallel on {@code threads} threads and their results never depend on the number
 * of threads or the order in which units finish.
 *
 * <p>Schedule of one unit: for each phase, for each epoch, the actions of the epoch's events that
 * name the unit's rule, then {@code batchesPerEpoch} batches of {@code batchSize} episodes; the
 * epoch's metrics are recorded at the first and last epoch of each phase and every
 * {@code record.every} epochs, and the outputs on the task's probes at the first and last epoch of
 * each phase (when {@code record.trajectories}).
 *
 * <p>A unit in which a quantity becomes NaN or infinite ({@link DivergenceException}) stops there:
 * its result holds the metrics of the epochs it finished and where it diverged. That is an outcome
 * of the run, not a failure: every other unit runs on.
 */
public final class Runner {

  /**
   * The metrics and probe trajectories of one finished unit, in epoch order.
   *
   * @param divergence where the unit diverged and stopped, or {@code null} if it ran to the end
   */
  public record UnitResult(String rule, int replicate, List<MetricRow> rows, List<TrajectoryRow> trajectories,
      Divergence divergence) {

    /** The result of a unit that ran to the end. */
    public UnitResult(String rule, int replicate, List<MetricRow> rows, List<TrajectoryRow> trajectories) {
      this(rule, replicate, rows, trajectories, null);
    }
  }

  private final BuiltScenario built;
  private final int threads;
  private final ProgressListener progress;

  public Runner(BuiltScenario built, int threads, ProgressListener progress) {
    this.built = built;
    this.threads = threads;
    this.progress = progress;
  }

  /**
   * Runs every unit; {@code onUnitDone} is called on the calling thread as each finishes.
   *
   * @throws RunFailedException after all other units have finished, if any unit failed
   */
  public void run(Consumer<UnitResult> onUnitDone) {
    Scenario scenario = built.scenario();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      ExecutorCompletionService<UnitResult> completion = new ExecutorCompletionService<>(pool);
      int submitted = 0;
      for (int replicate = 1; replicate <= scenario.replicates(); replicate++) {
        for (String rule : scenario.rules().keySet()) {
          int r = replicate;
          completion.submit(() -> runUnit(rule, r));
          submitted++;
        }
      }
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < submitted; i++) {
        try {
          onUnitDone.accept(completion.take().get());
        } catch (ExecutionException e) {
          failures.add(e.getCause().getMessage());
        }
      }
      if (!failures.isEmpty()) {
        throw new RunFailedException(failures);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunFailedException(List.of("interrupted"));
    } finally {
      pool.shutdownNow();
    }
  }

  private UnitResult runUnit(String rule, int replicate) {
    try {
      return train(built.newUnit(rule, replicate));
    } catch (RuntimeException e) {
      throw new IllegalStateException("rule " + rule + ", replicate " + replicate + ": " + e, e);
    }
  }

  private UnitResult train(TrainingUnit unit) {
    Scenario scenario = built.scenario();
    List<MetricRow> rows = new ArrayList<>();
    List<TrajectoryRow> trajectories = new ArrayList<>();
    int epoch = 0;
    for (int p = 0; p < scenario.phases().size(); p++) {
      Scenario.Phase phase = scenario.phases().get(p);
      for (int e = 1; e <= phase.epochs(); e++) {
        epoch++;
        for (Scenario.Event event : scenario.events()) {
          if (event.epoch() == epoch && event.rules().contains(unit.rule())) {
            unit.act(event.action());
          }
        }
        for (int b = 0; b < scenario.training().batchesPerEpoch(); b++) {
          try {
            unit.trainBatch(built.task(p), scenario.training().batchSize());
          } catch (DivergenceException d) {
            return new UnitResult(unit.rule(), unit.replicate(), rows, trajectories,
                Divergence.of(d, unit.rule(), unit.replicate(), phase.name(), epoch, b + 1));
          }
        }
        Map<String, Double> means = unit.takeMeans();
        if (e == 1 || epoch % scenario.record().every() == 0 || e == phase.epochs()) {
          for (String metric : scenario.record().metrics()) {
            if (means.containsKey(metric)) {
              rows.add(new MetricRow(unit.rule(), unit.replicate(), phase.name(), epoch, metric, means.get(metric)));
            }
          }
        }
        if (scenario.record().trajectories() && (e == 1 || e == phase.epochs())) {
          trajectories.addAll(ProbeRun.rows(built.network(), unit.parameters(), built.task(p).probes(), unit.rule(),
              unit.replicate(), phase.name(), epoch));
        }
        progress.epochDone(unit.rule(), unit.replicate(), epoch);
      }
    }
    return new UnitResult(unit.rule(), unit.replicate(), rows, trajectories);
  }
}
