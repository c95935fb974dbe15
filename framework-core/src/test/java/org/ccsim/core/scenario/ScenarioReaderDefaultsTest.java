package org.ccsim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ccsim.api.Config;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A valid scenario comes back with every default filled in (README.md, "Scenario files"). */
class ScenarioReaderDefaultsTest {

  @TempDir
  Path dir;

  private Scenario scenario;

  @BeforeEach
  void readMinimalScenario() {
    scenario = new ScenarioReader(FakeComponents.registry())
        .read(ScenarioFiles.write(dir, "minimal.json", ScenarioFiles.MINIMAL), List.of());
  }

  @Test
  void keepsWhatTheFileSays() {
    assertEquals("demo", scenario.name());
    assertEquals(17, scenario.seed());
    assertEquals(8, scenario.network().integer("hidden"));
  }

  @Test
  void fillsInTopLevelDefaults() {
    assertEquals("", scenario.description());
    assertEquals(1, scenario.replicates());
  }

  @Test
  void fillsInTrainingDefaults() {
    assertEquals(10, scenario.training().batchSize());
    assertEquals(Scenario.Training.ONE_PASS, scenario.training().batchesPerEpoch(), "resolved by the builder");
    assertEquals(Map.of(), scenario.training().groupOptimisers());
  }

  @Test
  void defaultOptimiserIsAdamWithItsDefaults() {
    assertEquals(new Config("adam", Map.of("learningRate", 1e-3, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8)),
        scenario.training().optimiser());
  }

  @Test
  void fillsInComponentDefaults() {
    assertEquals(new Config("fake-net", Map.of("hidden", 8L, "nonlinearity", "tanh")), scenario.network());
  }

  @Test
  void leavesAbsentOptionalParametersOut() {
    assertFalse(scenario.rules().get("bptt").has("truncation"));
  }

  @Test
  void withoutPhasesHasOnePhaseTrainOfTrainingEpochs() {
    assertEquals(List.of(new Scenario.Phase("train", 5, null)), scenario.phases());
  }

  @Test
  void recordsLossEveryEpochByDefault() {
    assertEquals(new Scenario.Recording(1, List.of("loss"), true, null), scenario.record());
  }

  @Test
  void evaluatesOnAThousandTestEpisodesEveryEpochByDefault(@TempDir Path other) {
    Scenario evaluated = new ScenarioReader(FakeComponents.registry()).read(ScenarioFiles.write(other, "evaluated.json",
        ScenarioFiles.MINIMAL.replace("'seed': 17,", "'seed': 17, 'evaluation': {},")), List.of());
    Scenario.Evaluation evaluation = evaluated.record().evaluation();
    assertEquals(new Scenario.Evaluation(1, "test", 1000), evaluation);
    assertEquals("test-loss", evaluation.lossMetric());
    assertEquals("test-accuracy", evaluation.accuracyMetric());
  }

  @Test
  void phasesWithoutEpochsTakeTrainingEpochs(@TempDir Path other) {
    Scenario phased = new ScenarioReader(FakeComponents.registry()).read(ScenarioFiles.write(other, "phased.json",
        ScenarioFiles.MINIMAL.replace("'epochs': 5}", "'epochs': 5}, 'phases': [{'name': 'a'}, {'name': 'b', 'epochs': 7}]")),
        List.of());

    assertEquals(List.of(new Scenario.Phase("a", 5, null), new Scenario.Phase("b", 7, null)), phased.phases());
  }

  @Test
  void aNumberIsTheDoubleNearestToWhatTheFileSays() {
    for (String number : List.of("1.0000000000000002", "1.1", "7e3", "1.7976931348623157e308", "123456789.123456789", "2.5E+10")) {
      Scenario written = new ScenarioReader(FakeComponents.registry()).read(ScenarioFiles.write(dir, "number.json",
          ScenarioFiles.MINIMAL.replace("'epochs': 5", "'epochs': 5, 'lossExplosion': " + number)), List.of());
      assertEquals(Double.doubleToLongBits(Double.parseDouble(number)),
          Double.doubleToLongBits(written.training().lossExplosion()), number);
    }
  }

  @Test
  void anIntegerMayBeWrittenWithAnExponentOrAPointZero() {
    Scenario written = new ScenarioReader(FakeComponents.registry()).read(ScenarioFiles.write(dir, "exponent.json",
        ScenarioFiles.MINIMAL.replace("'hidden': 8", "'hidden': 3e1").replace("'epochs': 5", "'epochs': 5.0")), List.of());

    assertEquals(30, written.network().integer("hidden"));
    assertEquals(5, written.totalEpochs());
  }
}
