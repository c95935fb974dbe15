package org.ccsim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --set PATH=VALUE} changes the scenario before it is validated (README.md, "Overrides"). */
class ScenarioReaderOverridesTest {

  private static final String PHASED = ScenarioFiles.MINIMAL.replace("'epochs': 5}",
      "'epochs': 5}, 'phases': [{'name': 'a'}, {'name': 'b', 'epochs': 7}]");

  @TempDir
  Path dir;

  private Scenario read(String text, String... overrides) {
    return new ScenarioReader(FakeComponents.registry())
        .read(ScenarioFiles.write(dir, "scenario.json", text), List.of(overrides));
  }

  @Test
  void setsAnIntegerInAComponent() {
    assertEquals(30, read(ScenarioFiles.MINIMAL, "network.hidden=30").network().integer("hidden"));
  }

  @Test
  void setsAnIntegerInsideAnArray() {
    Scenario scenario = read(PHASED, "phases[0].epochs=3");

    assertEquals(3, scenario.phases().get(0).epochs());
    assertEquals(7, scenario.phases().get(1).epochs());
  }

  @Test
  void replacesAnArrayElement() {
    Scenario scenario = read(PHASED, "phases[1]={\"name\": \"c\", \"epochs\": 2}");

    assertEquals(List.of(new Scenario.Phase("a", 5, null), new Scenario.Phase("c", 2, null)), scenario.phases());
  }

  @Test
  void readsAValueThatIsNotJsonAsAString() {
    assertEquals("identity", read(ScenarioFiles.MINIMAL, "network.nonlinearity=identity").network().string("nonlinearity"));
  }

  @Test
  void readsAnEmptyValueAsAnEmptyString() {
    assertEquals("", read(ScenarioFiles.MINIMAL.replace("'seed': 17,", "'seed': 17, 'description': 'x',"),
        "description=").description());
  }

  @Test
  void createsAnAbsentOptionalParameter() {
    assertEquals(2, read(ScenarioFiles.MINIMAL, "rules.bptt.truncation=2").rules().get("bptt").integer("truncation"));
  }

  @Test
  void createsMissingObjectsOnTheWay() {
    assertEquals(4, read(ScenarioFiles.MINIMAL, "record.every=4").record().every());
  }

  @Test
  void setsAWholeComponentGivenAsJson() {
    Scenario scenario = read(ScenarioFiles.MINIMAL, "training.optimiser={\"type\": \"sgd\", \"learningRate\": 0.5}");

    assertEquals("sgd", scenario.training().optimiser().type());
    assertEquals(0.5, scenario.training().optimiser().real("learningRate"));
  }

  @Test
  void appliesOverridesInOrder() {
    assertEquals(9, read(ScenarioFiles.MINIMAL, "network.hidden=30", "network.hidden=9").network().integer("hidden"));
  }
}
