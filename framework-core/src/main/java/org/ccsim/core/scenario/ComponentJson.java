package org.ccsim.core.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.ccsim.api.Config;
import org.ccsim.core.plugin.ComponentRegistry;

/**
 * One component's configuration as the JSON object a scenario holds, and back, with the scenario
 * validator's rules (defaults filled in, nested components included): how the contract test kit
 * checks that a component's parameters survive {@code scenario.resolved.json}.
 */
public final class ComponentJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private ComponentJson() {
  }

  /** {@code {"type": ..., parameters...}}, as {@code scenario.resolved.json} writes it. */
  public static String write(Config config) {
    return ScenarioWriter.component(config).toString();
  }

  /**
   * Reads and validates a component object that must create {@code kind}.
   *
   * @throws ScenarioException listing every problem, with JSON paths from the object's root
   */
  public static Config read(String json, Class<?> kind, ComponentRegistry registry) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
    List<Problem> problems = new ArrayList<>();
    Config config = new ParameterValidator(registry, problems, null, DataSearchPath.fromEnvironment()).component(node, JsonPath.ROOT, kind);
    if (!problems.isEmpty()) {
      throw new ScenarioException("component", problems);
    }
    return config;
  }
}
