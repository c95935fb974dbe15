package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.google.inject.Guice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.build.ScenarioBuilder;
import org.ccsim.core.cli.HostModule;
import org.ccsim.core.plugin.PluginHost;
import org.ccsim.core.results.Checkpoints;
import org.ccsim.core.results.RunFolder;
import org.ccsim.core.results.RunRecorder;
import org.ccsim.core.run.Runner;
import org.ccsim.core.scenario.Scenario;
import org.ccsim.core.scenario.ScenarioReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped at batch boundaries, at the start of an epoch or inside one, and resumed from its
 * checkpoints (and stopped again) writes exactly the {@code metrics.csv} and {@code trajectories.csv}
 * of a run that was never stopped. The scenario ({@code checkpointed.json}) has BPTT, BP(λ) with a
 * linear and with a cerebellar synthesiser, DNI, Adam and clipped Adam, a lesion event and a
 * perturbation that draws noise from the sample stream, so every kind of state takes part.
 */
class ResumeEquivalenceTest {

  private static PluginHost host;

  @TempDir
  Path dir;

  @BeforeAll
  static void startHost() {
    host = Guice.createInjector(new HostModule(List.of(Cli.dist().resolve("plugins")), "0.1.0"))
        .getInstance(PluginHost.class);
  }

  @AfterAll
  static void stopHost() {
    host.close();
  }

  @Test
  void runsStoppedAndResumedAnywhereEqualARunNeverStopped() throws IOException {
    BuiltScenario built = build("checkpointed.json");
    RunFolder straight = run(built, "straight", List.of(), 1);
    // a stop is asked before a unit starts, at each epoch start and before each later batch of an
    // epoch: 1 + 3 x 8 = 25 times per unit; 3 stops unit 1 before its second batch
    List<List<Integer>> sessions = List.of(List.of(3), List.of(5), List.of(27, 3), List.of(50, 40, 2), List.of(100));
    for (List<Integer> stops : sessions) {
      RunFolder resumed = run(built, "stops-" + stops, stops, 1);
      assertSameResults(straight, resumed, "stopped after " + stops + " stop checks");
    }
    assertSameResults(straight, run(built, "two-threads", List.of(30, 30), 2), "two threads");
  }

  /**
   * The curriculum stage is a unit's state too: copy-repeat through its curriculum, stopped inside
   * epochs and resumed, gives the same stages and losses; the stage moves on during the run.
   */
  @Test
  void aCurriculumResumesAtTheStageItReached() throws IOException {
    RunFolder straight = resumesLikeAStraightRun("checkpointed-curriculum.json");
    List<String> stages = Files.readAllLines(straight.path().resolve("metrics.csv")).stream()
        .filter(line -> line.contains(",stage,")).toList();
    assertEquals(3 * 2 * 6, stages.size(), "a stage per rule, replicate and epoch: " + stages);
    assertTrue(stages.stream().anyMatch(line -> Double.parseDouble(line.substring(line.lastIndexOf(',') + 1)) > 2),
        "some unit passes two stages: " + stages);
  }

  /**
   * A passive comparison's followers live in the leader's checkpoint: stopped inside epochs (between
   * compared batches and not) and resumed, their estimates, and so every comparison metric, are those
   * of a run never stopped.
   */
  @Test
  void aPassiveComparisonResumesWithItsFollowers() throws IOException {
    RunFolder straight = resumesLikeAStraightRun("checkpointed-compare.json");
    assertTrue(Files.readString(straight.path().resolve("metrics.csv")).contains("uoro,2,train,6,cosine/dni,"));
  }

  /** Runs {@code scenario} straight and stopped inside epochs, once and thrice; asserts the same results; the straight run. */
  private RunFolder resumesLikeAStraightRun(String scenario) throws IOException {
    BuiltScenario built = build(scenario);
    RunFolder straight = run(built, "straight", List.of(), 1);
    for (List<Integer> stops : List.of(List.of(4), List.of(9, 20, 2))) {
      assertSameResults(straight, run(built, "stops-" + stops, stops, 1), "stopped after " + stops + " stop checks");
    }
    return straight;
  }

  /** The same {@code metrics.csv}, and the same {@code trajectories.csv} where the task has probes to draw. */
  private static void assertSameResults(RunFolder expected, RunFolder actual, String what) throws IOException {
    for (String file : List.of("metrics.csv", "trajectories.csv")) {
      Path written = expected.path().resolve(file);
      assertEquals(Files.exists(written), Files.exists(actual.path().resolve(file)), what + ": " + file + " written");
      if (Files.exists(written)) {
        assertEquals(Files.readString(written), Files.readString(actual.path().resolve(file)), what + ": " + file);
      }
    }
  }

  /**
   * One session per element of {@code stops}, each stopping once it has been asked that many times,
   * then a last session that runs to the end; every session after the first resumes from the checkpoints.
   */
  private RunFolder run(BuiltScenario built, String name, List<Integer> stops, int threads) throws IOException {
    RunFolder folder = RunFolder.create(dir, name, Instant.EPOCH);
    RunRecorder recorder = new RunRecorder(folder, built);
    Checkpoints checkpoints = new Checkpoints(folder, built);
    for (int session = 0; session <= stops.size(); session++) {
      AtomicInteger asked = new AtomicInteger();
      int limit = session < stops.size() ? stops.get(session) : Integer.MAX_VALUE;
      BooleanSupplier stop = () -> asked.incrementAndGet() > limit;
      AtomicInteger interrupted = new AtomicInteger();
      new Runner(built, threads, (rule, replicate, epoch) -> { }, checkpoints, checkpoints.loadAll(built.scenario()), stop)
          .run(u -> {
            if (u.complete()) {
              recorder.unitDone(u.rule(), u.replicate(), u.rows(), u.trajectories());
            } else {
              interrupted.incrementAndGet();
            }
          });
      recorder.merge();
      assertEquals(session < stops.size(), interrupted.get() > 0, name + ", session " + session + ": interrupted");
    }
    assertTrue(Files.exists(folder.path().resolve("checkpoints/" + built.scenario().rules().keySet().iterator().next()
        + "/replicate-2.zip")));
    return folder;
  }

  private static BuiltScenario build(String name) {
    Path file = Path.of("src/test/resources", name);
    Scenario scenario = new ScenarioReader(host.registry()).read(file, List.of());
    return new ScenarioBuilder(host.registry()).build(scenario, file.toString());
  }
}
