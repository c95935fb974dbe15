package org.ccsim.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.build.FaultyScenario;
import org.ccsim.core.results.Divergence;
import org.ccsim.core.results.MetricRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit that diverges stops where it did, keeps the metrics of the epochs it finished and says
 * where it stopped; the other units run to the end exactly as they would without it.
 */
class RunnerDivergenceTest {

  private static final String PHASES = """
      "phases": [{"name": "a", "epochs": 3}, {"name": "b", "epochs": 3}], "record": {"every": 1}""";

  @TempDir
  Path dir;

  private List<Runner.UnitResult> run(String rules, int threads) throws IOException {
    BuiltScenario built = FaultyScenario.build(dir, rules, PHASES);
    List<Runner.UnitResult> results = new ArrayList<>();
    new Runner(built, threads, (rule, replicate, epoch) -> { }).run(results::add);
    results.sort(Comparator.comparing(Runner.UnitResult::rule).thenComparing(Runner.UnitResult::replicate));
    return results;
  }

  @Test
  void aDivergedUnitStopsAndTheOthersFinishAsWithoutIt() throws IOException {
    // batch 8 of the unit is the second batch of epoch 4, the first epoch of phase b
    List<Runner.UnitResult> results = run("""
        {"steady": {"type": "faulty-rule"},
         "faulty": {"type": "faulty-rule", "fault": "gradient", "atBatch": 8, "atStep": 3}}""", 2);

    assertEquals(4, results.size());
    for (int replicate = 1; replicate <= 2; replicate++) {
      Runner.UnitResult faulty = results.get(replicate - 1);
      assertEquals(new Divergence("faulty", replicate, "b", 4, 2, 3, "gradient cortex/w"), faulty.divergence());
      assertEquals(List.of(1, 2, 3), faulty.rows().stream().map(MetricRow::epoch).toList(), "the epochs it finished");
      Runner.UnitResult steady = results.get(1 + replicate);
      assertNull(steady.divergence());
      assertEquals(6, steady.rows().size());
    }

    List<Runner.UnitResult> alone = run("""
        {"steady": {"type": "faulty-rule"}}""", 1);
    assertEquals(alone.get(0).rows(), results.get(2).rows());
    assertEquals(alone.get(1).rows(), results.get(3).rows());
  }

  @Test
  void aRuleThatDivergesInTheDryRunIsBuiltAndRecordedAsDiverged() throws IOException {
    List<Runner.UnitResult> results = run("""
        {"hot": {"type": "faulty-rule", "fault": "weight"}}""", 1);

    assertEquals(new Divergence("hot", 1, "a", 1, 1, 0, "weight cortex/w"), results.get(0).divergence());
    assertEquals(List.of(), results.get(0).rows());
  }

  @Test
  void failedUnitsAreReportedInUnitOrderWhicheverFailedFirst() throws IOException {
    BuiltScenario built = FaultyScenario.build(dir, """
        {"late": {"type": "faulty-rule", "fault": "throw", "atBatch": 12},
         "early": {"type": "faulty-rule", "fault": "throw", "atBatch": 3}}""", PHASES);

    RunFailedException e = assertThrows(RunFailedException.class,
        () -> new Runner(built, 2, (rule, replicate, epoch) -> { }).run(result -> { }));

    assertEquals("4 unit(s) failed: rule late, replicate 1: java.lang.IllegalStateException: faulty-rule fails at batch 12; "
        + "rule early, replicate 1: java.lang.IllegalStateException: faulty-rule fails at batch 3; "
        + "rule late, replicate 2: java.lang.IllegalStateException: faulty-rule fails at batch 12; "
        + "rule early, replicate 2: java.lang.IllegalStateException: faulty-rule fails at batch 3", e.getMessage());
  }
}
