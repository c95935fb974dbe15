package org.ccsim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code summary} block: its defaults, and the epochs at which every metric is recorded. */
class ScenarioReaderSummaryTest {

  @TempDir
  Path dir;

  private Scenario read(String text) {
    return new ScenarioReader(FakeComponents.registry()).read(ScenarioFiles.write(dir, "s.json", text), List.of());
  }

  @Test
  void withoutTheBlockTheSummaryHasNoEpochsAndTheArea() {
    assertEquals(new Scenario.SummaryMeasures(List.of(), true), read(ScenarioFiles.MINIMAL).summary());
  }

  @Test
  void eachKeyHasItsDefault() {
    assertEquals(new Scenario.SummaryMeasures(List.of(2, 5), true), read(ScenarioFiles.MINIMAL.replace("'seed': 17,",
        "'seed': 17, 'summary': {'atEpochs': [2, 5]},")).summary());
    assertEquals(new Scenario.SummaryMeasures(List.of(), false), read(ScenarioFiles.MINIMAL.replace("'seed': 17,",
        "'seed': 17, 'summary': {'auc': false},")).summary());
  }

  @Test
  void landmarksAreReadPerMetricInOrder() {
    Scenario.SummaryMeasures summary = read(ScenarioFiles.MINIMAL.replace("'seed': 17,",
        "'seed': 17, 'summary': {'landmarks': {'loss': {'neither lag': 1.6, 't1 only': 0.32, 'both': 0}}},")).summary();
    assertEquals(List.of("neither lag", "t1 only", "both"), List.copyOf(summary.landmarks().get("loss").keySet()));
    assertEquals(0.32, summary.landmarks().get("loss").get("t1 only"));
  }

  /** Phases a (1 to 5) and b (6 to 12) recorded every 4 epochs: 1, 4, 5, then 6, 8, 12. */
  @Test
  void theFirstAndLastEpochOfEachPhaseAreRecordedBesidesTheMultiples() {
    String text = ScenarioFiles.MINIMAL.replace("'epochs': 5}", "'epochs': 5}, "
        + "'phases': [{'name': 'a'}, {'name': 'b', 'epochs': 7}], 'record': {'every': 4}, "
        + "'summary': {'atEpochs': [1, 4, 5, 6, 8, 12]}");

    assertEquals(List.of(1, 4, 5, 6, 8, 12), read(text).summary().atEpochs());
  }

  @Test
  void anOverrideSetsTheBlockLikeAnyOtherKey() {
    Scenario scenario = new ScenarioReader(FakeComponents.registry()).read(
        ScenarioFiles.write(dir, "s.json", ScenarioFiles.MINIMAL), List.of("summary.atEpochs=[3]", "summary.auc=false"));

    assertEquals(new Scenario.SummaryMeasures(List.of(3), false), scenario.summary());
  }
}
