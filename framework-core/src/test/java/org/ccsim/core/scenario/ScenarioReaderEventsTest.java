package org.ccsim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events are placed on the epoch count across phases, whichever way the file names their epoch. */
class ScenarioReaderEventsTest {

  @TempDir
  Path dir;

  @Test
  void phaseAndEpochOrAtEpochBothResolveToBothCounts() {
    String text = ScenarioFiles.MINIMAL.replace("'epochs': 5}", "'epochs': 5}, "
        + "'phases': [{'name': 'a', 'epochs': 3}, {'name': 'b', 'epochs': 4}], "
        + "'events': [{'phase': 'b', 'epoch': 2, 'action': 'restore', 'rules': ['bptt']}, "
        + "{'atEpoch': 3, 'action': 'ablate', 'rules': ['bptt']}, {'phase': 'b', 'action': 'ablate', 'rules': ['bptt']}]");

    Scenario scenario = new ScenarioReader(FakeComponents.registry()).read(ScenarioFiles.write(dir, "e.json", text), List.of());

    assertEquals(List.of(
        new Scenario.Event("a", 3, 3, "ablate", List.of("bptt")),
        new Scenario.Event("b", 4, 1, "ablate", List.of("bptt")),
        new Scenario.Event("b", 5, 2, "restore", List.of("bptt"))), scenario.events());
  }

  @Test
  void theOnlyPhaseNeedsNoName() {
    String text = ScenarioFiles.MINIMAL.replace("'epochs': 5}",
        "'epochs': 5}, 'events': [{'epoch': 4, 'action': 'ablate', 'rules': ['bptt']}]");

    Scenario scenario = new ScenarioReader(FakeComponents.registry()).read(ScenarioFiles.write(dir, "e.json", text), List.of());

    assertEquals(List.of(new Scenario.Event("train", 4, 4, "ablate", List.of("bptt"))), scenario.events());
  }
}
