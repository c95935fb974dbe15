package org.ccsim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code sweep} block runs a grid of one rule's parameters from one file: one rule per grid point,
 * named after its values, each validated as a rule, and the grid values kept in {@code swept} through
 * {@code scenario.resolved.json}.
 */
class ScenarioReaderSweepTest {

  private static final String SWEEP = ScenarioFiles.MINIMAL.replace(
      "'rules': {'bptt': {'type': 'fake-rule'}}",
      "'rules': {'first': {'type': 'fake-rule'}, 'grid': {'type': 'fake-rule'}, 'last': {'type': 'fake-rule'}},"
          + " 'sweep': {'rule': 'grid', 'grid': {'truncation': [1, 2, 3]}}");

  @TempDir
  Path dir;

  private final ScenarioReader reader = new ScenarioReader(FakeComponents.registry());

  private Scenario read(String text, String... overrides) {
    return reader.read(ScenarioFiles.write(dir, "scenario.json", text), List.of(overrides));
  }

  @Test
  void expandsTheRuleInPlaceIntoOneRulePerGridPoint() {
    Scenario scenario = read(SWEEP);

    assertEquals(List.of("first", "grid-truncation1", "grid-truncation2", "grid-truncation3", "last"),
        List.copyOf(scenario.rules().keySet()));
    assertEquals(2, scenario.rules().get("grid-truncation2").integer("truncation"));
    assertEquals(Map.of("truncation", 3L), scenario.swept().get("grid-truncation3"));
    assertEquals(3, scenario.swept().size());
  }

  @Test
  void twoAxesGiveEveryCombinationFirstAxisOutermostWithNestedPaths() throws Exception {
    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(ScenarioFiles.json("""
        {'rules': {'cb': {'type': 'r', 'synthesiser': {'type': 's', 'fanIn': 9}}},
         'sweep': {'rule': 'cb', 'grid': {'truncation': [1, 2], 'synthesiser.fanIn': [0.5, 7]}}}
        """));
    List<Problem> problems = new ArrayList<>();
    Sweep.expand(root, problems);

    assertEquals(List.of(), problems);
    assertEquals(List.of("cb-truncation1-fanIn0p5", "cb-truncation1-fanIn7", "cb-truncation2-fanIn0p5",
        "cb-truncation2-fanIn7"), fieldNames(root.get("rules")));
    assertEquals(ScenarioFiles.json("{'type':'r','synthesiser':{'type':'s','fanIn':0.5},'truncation':2}"),
        root.get("rules").get("cb-truncation2-fanIn0p5").toString());
    assertEquals(ScenarioFiles.json("{'truncation':2,'synthesiser.fanIn':0.5}"),
        root.get("swept").get("cb-truncation2-fanIn0p5").toString());
    assertTrue(!root.has("sweep"), "the sweep block is replaced by its record");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void anEventNamingTheSweptRuleAppliesToEveryGridPoint() throws Exception {
    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(ScenarioFiles.json("""
        {'rules': {'cb': {'type': 'r'}, 'other': {'type': 'r'}},
         'events': [{'atEpoch': 3, 'action': 'stop', 'rules': ['other', 'cb']}],
         'sweep': {'rule': 'cb', 'grid': {'truncation': [1, 2]}}}
        """));
    List<Problem> problems = new ArrayList<>();
    Sweep.expand(root, problems);

    assertEquals(List.of(), problems);
    assertEquals(new ObjectMapper().readTree("[\"other\", \"cb-truncation1\", \"cb-truncation2\"]"),
        root.get("events").get(0).get("rules"));
  }

  @Test
  void eachPointIsValidatedAsARule() {
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> read(SWEEP.replace("[1, 2, 3]", "[1, 0]")));

    assertTrue(e.getMessage().contains("$.rules.grid-truncation0.truncation"), e.getMessage());
  }

  @Test
  void aSweepOfAnUnknownRuleOrAnEmptyAxisIsRefusedWithItsPath() {
    ScenarioException unknown = assertThrows(ScenarioException.class,
        () -> read(SWEEP.replace("'rule': 'grid'", "'rule': 'gird'")));
    assertTrue(unknown.getMessage().contains("$.sweep.rule: names no rule of $.rules (got 'gird')"), unknown.getMessage());

    ScenarioException empty = assertThrows(ScenarioException.class, () -> read(SWEEP.replace("[1, 2, 3]", "[]")));
    assertTrue(empty.getMessage().contains("$.sweep.grid.truncation: must be a non-empty array"), empty.getMessage());
  }

  @Test
  void theResolvedScenarioReadsBackEqualWithItsGridValues() {
    Scenario scenario = read(SWEEP);
    String written = ScenarioWriter.toJson(scenario, Map.of()).toPrettyString();

    assertTrue(written.contains("\"swept\""), written);
    assertEquals(scenario, reader.read(ScenarioFiles.write(dir, "resolved.json", written), List.of()));
  }
}
