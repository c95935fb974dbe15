package org.ccsim.core.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.ccsim.api.DivergenceException;
import org.ccsim.core.results.SnapshotStore;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.build.TrainingUnit;
import org.ccsim.core.results.Checkpoint;
import org.ccsim.core.results.Checkpoints;
import org.ccsim.core.results.Divergence;
import org.ccsim.core.results.MetricRow;
import org.ccsim.core.results.TrajectoryRow;
import org.ccsim.core.scenario.Scenario;
import org.ccsim.core.scenario.ScenarioReader;

/**
 * Runs every (rule, replicate) unit of a built scenario through its phases, epochs and batches.
 * Units are independent (own parameters, optimisers and sample stream, see {@link BuiltScenario}),
 * so they run in parallel on {@code threads} threads and their results never depend on the number
 * of threads or the order in which units finish.
 *
 * <p>Schedule of one unit: for each phase, for each epoch, the actions of the epoch's events that
 * name the unit's rule, then {@code batchesPerEpoch} batches of {@code batchSize} episodes; the
 * epoch's metrics are recorded at the first and last epoch of each phase and every
 * {@code record.every} epochs (with {@code dysmetria}, from a run on the task's probes then,
 * {@link Dysmetria}), and the outputs on the task's probes at the first and last epoch of
 * each phase (when {@code record.trajectories}); with an {@code evaluation}, its held-out metrics
 * every {@code evaluation.every} epochs and at the last epoch of each phase ({@link HeldOutRun}).
 *
 * <p>Checkpoints (with a {@link Checkpoints} store): a unit saves its {@link Checkpoint} every
 * {@code checkpoint.every} epochs, when it completes, and when a stop request (such as a
 * {@link StopRequest}) stops it
 * between two batches. A unit given a checkpoint to start from restores it and carries on at the
 * batch after it, so its rows are exactly those of a run that was never stopped.
 *
 * <p>A unit in which a quantity becomes NaN or infinite, or whose loss explodes ({@link DivergenceException}),
 * stops there:
 * its result holds the metrics of the epochs it finished and where it diverged. That is an outcome
 * of the run, not a failure: every other unit runs on.
 */
public final class Runner {

  /**
   * The metrics and probe trajectories of one unit, in epoch order.
   *
   * @param complete whether it is done: it trained every epoch or diverged; otherwise a stop request
   *     interrupted it
   * @param divergence where the unit diverged and stopped, or {@code null}
   */
  public record UnitResult(String rule, int replicate, List<MetricRow> rows, List<TrajectoryRow> trajectories,
      boolean complete, Divergence divergence) {
  }

  private final BuiltScenario built;
  private final int threads;
  private final ProgressListener progress;
  private final Checkpoints checkpoints;
  private final UnitAdmission admission;
  private final BooleanSupplier stop;

  /** A runner that keeps no checkpoints and runs to the end. */
  public Runner(BuiltScenario built, int threads, ProgressListener progress) {
    this(built, threads, progress, null, Map.of(), () -> false);
  }

  /**
   * @param checkpoints where units save their checkpoints, or {@code null} for none
   * @param resumeFrom the checkpoint each unit starts from, by {@link Checkpoint#key}; units without one start afresh
   * @param stop asked at every batch boundary whether to stop there (a {@link StopRequest})
   */
  public Runner(BuiltScenario built, int threads, ProgressListener progress, Checkpoints checkpoints,
      Map<String, Checkpoint> resumeFrom, BooleanSupplier stop) {
    this(built, threads, progress, checkpoints, admittingAll(resumeFrom), stop);
  }

  /**
   * @param admission asked as each unit is about to start whether to train it and from which checkpoint;
   *     a unit it leaves to another process ends at once, not complete
   */
  public Runner(BuiltScenario built, int threads, ProgressListener progress, Checkpoints checkpoints,
      UnitAdmission admission, BooleanSupplier stop) {
    this.built = built;
    this.threads = threads;
    this.progress = progress;
    this.checkpoints = checkpoints;
    this.admission = admission;
    this.stop = stop;
  }

  private static UnitAdmission admittingAll(Map<String, Checkpoint> resumeFrom) {
    Map<String, Checkpoint> from = Map.copyOf(resumeFrom);
    return unit -> UnitAdmission.Start.from(from.get(unit.key()));
  }

  /**
   * Runs every unit; {@code onUnitDone} is called on the calling thread as each finishes or stops.
   *
   * @throws RunFailedException after all other units have finished, if any unit failed
   */
  public void run(Consumer<UnitResult> onUnitDone) {
    run(UnitId.all(built.scenario()), onUnitDone);
  }

  /**
   * Runs {@code units} (a shard of the run), as {@link #run(Consumer)} runs them all.
   *
   * @throws RunFailedException after all other units have finished, if any unit failed
   */
  public void run(List<UnitId> units, Consumer<UnitResult> onUnitDone) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      ExecutorCompletionService<UnitResult> completion = new ExecutorCompletionService<>(pool);
      Map<Future<UnitResult>, Integer> order = new HashMap<>();
      for (UnitId unit : units) {
        order.put(completion.submit(() -> runUnit(unit)), order.size());
      }
      Map<Integer, String> failures = new TreeMap<>(); // in unit order, whichever failed first
      for (int i = 0; i < order.size(); i++) {
        Future<UnitResult> done = completion.take();
        try {
          onUnitDone.accept(done.get());
        } catch (ExecutionException e) {
          failures.put(order.get(done), e.getCause().getMessage());
        }
      }
      if (!failures.isEmpty()) {
        throw new RunFailedException(List.copyOf(failures.values()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunFailedException(List.of("interrupted"));
    } finally {
      pool.shutdownNow();
    }
  }

  private UnitResult runUnit(UnitId id) {
    String rule = id.rule();
    int replicate = id.replicate();
    try {
      UnitAdmission.Start admitted = admission.admit(id);
      Checkpoint start = admitted.checkpoint();
      boolean complete = start != null && start.complete();
      if (!admitted.admitted() || !complete && stop.getAsBoolean()) {
        return new UnitResult(rule, replicate, List.of(), List.of(), false, null);
      }
      if (complete) {
        return new UnitResult(rule, replicate, start.rows(), start.trajectories(), true, start.divergence());
      }
      return new UnitRun(built.newUnit(rule, replicate), start).train();
    } catch (RuntimeException | IOException e) {
      throw new IllegalStateException("rule " + rule + ", replicate " + replicate + ": " + e, e);
    }
  }

  /** One unit's way through the schedule, from its checkpoint if it has one. */
  private final class UnitRun {

    private final TrainingUnit unit;
    private final List<MetricRow> rows;
    private final List<TrajectoryRow> trajectories;
    private final int startEpochs;
    private final int startBatches;
    /** Whether the unit has trained since its last checkpoint (or its start). */
    private boolean unsaved;

    UnitRun(TrainingUnit unit, Checkpoint start) {
      this.unit = unit;
      this.rows = new ArrayList<>(start == null ? List.of() : start.rows());
      this.trajectories = new ArrayList<>(start == null ? List.of() : start.trajectories());
      this.startEpochs = start == null ? 0 : start.epochsDone();
      this.startBatches = start == null ? 0 : start.batchesDone();
      if (start != null) {
        unit.restoreState(start.state());
      }
    }

    UnitResult train() {
      Scenario scenario = built.scenario();
      int batches = scenario.training().batchesPerEpoch();
      int epoch = 0;
      for (int p = 0; p < scenario.phases().size(); p++) {
        Scenario.Phase phase = scenario.phases().get(p);
        for (int e = 1; e <= phase.epochs(); e++) {
          epoch++;
          if (epoch <= startEpochs) {
            continue;
          }
          int firstBatch = epoch == startEpochs + 1 ? startBatches : 0;
          if (firstBatch == 0) {
            if (stop.getAsBoolean()) {
              return interrupted(epoch - 1, 0);
            }
            for (Scenario.Event event : scenario.events()) {
              if (event.epoch() == epoch && event.rules().contains(unit.rule())) {
                unit.act(event.action());
                unsaved = true;
              }
            }
          }
          unit.recordsThisEpoch(scenario.record().recordsAt(epoch, e, phase.epochs()));
          for (int b = firstBatch; b < batches; b++) {
            if (b > firstBatch && stop.getAsBoolean()) {
              return interrupted(epoch - 1, b);
            }
            try {
              unit.trainBatch(built.task(p), scenario.training().batchSize());
            } catch (DivergenceException d) {
              return diverged(Divergence.of(d, unit.rule(), unit.replicate(), phase.name(), epoch, b + 1));
            }
            unsaved = true;
          }
          record(phase, p, e, epoch);
          progress.epochDone(unit.rule(), unit.replicate(), epoch);
          if (scenario.checkpointEvery() > 0 && epoch % scenario.checkpointEvery() == 0
              && epoch < scenario.totalEpochs()) {
            save(false, epoch, 0, null);
          }
        }
      }
      save(true, epoch, 0, null);
      return new UnitResult(unit.rule(), unit.replicate(), rows, trajectories, true, null);
    }

    private void record(Scenario.Phase phase, int p, int e, int epoch) {
      Scenario scenario = built.scenario();
      Map<String, Double> means = unit.takeMeans();
      Map<String, Map<String, Double>> compared = unit.takeComparedMeans();
      boolean metricsDue = scenario.record().recordsAt(epoch, e, phase.epochs());
      boolean handsDue = scenario.record().trajectories() && (e == 1 || e == phase.epochs());
      boolean dysmetriaDue = metricsDue && scenario.record().metrics().contains(ScenarioReader.DYSMETRIA);
      List<TrajectoryRow> hands = handsDue || dysmetriaDue ? ProbeRun.rows(built.network(), unit.parameters(),
          built.task(p).probes(), unit.rule(), unit.replicate(), phase.name(), epoch) : List.of();
      if (dysmetriaDue) {
        means.put(ScenarioReader.DYSMETRIA, Dysmetria.mean(hands));
      }
      if (metricsDue) {
        for (String metric : recordedMetrics(scenario)) {
          if (means.containsKey(metric)) {
            rows.add(new MetricRow(unit.rule(), unit.replicate(), phase.name(), epoch, metric, means.get(metric)));
          }
        }
        compared.forEach((rule, ofRule) -> ofRule.forEach((metric, value) ->
            rows.add(new MetricRow(rule, unit.replicate(), phase.name(), epoch, metric, value))));
      }
      Scenario.Evaluation evaluation = scenario.record().evaluation();
      if (evaluation != null && evaluation.evaluatesAt(epoch, e, phase.epochs())) {
        rows.addAll(HeldOutRun.rows(evaluation, built.network(), unit.parameters(), built.task(p),
            () -> built.evaluationStream(unit.replicate()), unit.rule(), unit.replicate(), phase.name(), epoch));
      }
      if (handsDue) {
        trajectories.addAll(hands);
      }
    }

    /**
     * The scenario's recorded metrics, {@code accuracy} after {@code loss} and {@code stage} at the end
     * when the scenario does not list them (each is recorded only where the task has it).
     */
    private List<String> recordedMetrics(Scenario scenario) {
      List<String> metrics = new ArrayList<>(scenario.record().metrics());
      if (!metrics.contains(ScenarioReader.ACCURACY)) {
        metrics.add(metrics.indexOf(ScenarioReader.LOSS) + 1, ScenarioReader.ACCURACY);
      }
      if (!metrics.contains(ScenarioReader.STAGE)) {
        metrics.add(ScenarioReader.STAGE);
      }
      return metrics;
    }

    private UnitResult interrupted(int epochsDone, int batchesDone) {
      if (unsaved) {
        save(false, epochsDone, batchesDone, null);
      }
      return new UnitResult(unit.rule(), unit.replicate(), rows, trajectories, false, null);
    }

    /** A diverged unit is done: its checkpoint says where, so a resumed run does not train it again. */
    private UnitResult diverged(Divergence divergence) {
      save(true, divergence.epoch() - 1, divergence.batch() - 1, divergence);
      progress.epochsSkipped(unit.rule(), unit.replicate(), built.scenario().totalEpochs() - divergence.epoch() + 1);
      return new UnitResult(unit.rule(), unit.replicate(), rows, trajectories, true, divergence);
    }

    private void save(boolean complete, int epochsDone, int batchesDone, Divergence divergence) {
      if (checkpoints != null) {
        checkpoints.save(new Checkpoint(unit.rule(), unit.replicate(), complete, epochsDone, batchesDone,
            checkpoints.scenario(), rows, trajectories, complete ? new SnapshotStore() : unit.saveState(), divergence));
      }
      unsaved = false;
    }
  }
}
