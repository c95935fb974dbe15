package org.ccsim.plugins.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Task;
import org.ccsim.core.plugin.ComponentRegistry;
import org.ccsim.core.scenario.ComponentJson;
import org.ccsim.core.scenario.Problem;
import org.ccsim.core.scenario.ScenarioException;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;

/** Values out of their declared ranges are refused as a scenario refuses them, and so are inverted ranges. */
class CopyRepeatParametersTest {

  private final CopyRepeatType type = new CopyRepeatType();

  private List<Problem> problems(String parameters) {
    ComponentRegistry registry = new ComponentRegistry(List.of(new ComponentRegistry.Entry(type, "test")));
    return assertThrows(ScenarioException.class,
        () -> ComponentJson.read("{\"type\": \"copy-repeat\", " + parameters + "}", Task.class, registry)).problems();
  }

  @Test
  void valuesOutOfRangeAreRefusedAtTheirPath() {
    assertEquals(List.of(new Problem("$.bits", "must be between 1 and 1000 (got 0)")), problems("\"bits\": 0"));
    assertEquals(List.of(new Problem("$.minLength", "must be between 1 and 1000 (got 0)"),
        new Problem("$.maxRepeats", "must be between 1 and 1000 (got 1001)")),
        problems("\"minLength\": 0, \"maxRepeats\": 1001"));
    assertEquals("$.repeatScale", problems("\"repeatScale\": 0").get(0).path());
  }

  @Test
  void aLargestValueBelowTheSmallestIsRefused() {
    ConfigException length = assertThrows(ConfigException.class, () -> type.create(
        TestConfigs.of(type, "minLength", 4, "maxLength", 3), new TestBuildContext(1)));
    assertEquals("maxLength", length.parameter());
    assertEquals("must be at least minLength = 4 (got 3)", length.getMessage());
    ConfigException repeats = assertThrows(ConfigException.class, () -> type.create(
        TestConfigs.of(type, "minRepeats", 2, "maxRepeats", 1), new TestBuildContext(1)));
    assertEquals("maxRepeats", repeats.parameter());
  }
}
