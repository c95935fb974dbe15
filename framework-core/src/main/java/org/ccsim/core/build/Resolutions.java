package org.ccsim.core.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.ccsim.core.scenario.JsonPath;

/**
 * The values components chose for parameters left to them ({@link org.ccsim.api.BuildContext#resolve}),
 * by the component's place in the scenario; written over the placeholders in
 * {@code scenario.resolved.json}. Thread-safe: units are built in parallel.
 */
public final class Resolutions {

  private final Map<String, Map<String, String>> byPointer = new TreeMap<>();

  synchronized void record(JsonPath component, String parameter, String value) {
    String previous = byPointer.computeIfAbsent(component.pointer(), p -> new TreeMap<>()).put(parameter, value);
    if (previous != null && !previous.equals(value)) {
      throw new IllegalStateException(component.key(parameter) + " resolved to both " + previous + " and " + value);
    }
  }

  /** Writes every recorded value into a scenario written by {@link org.ccsim.core.scenario.ScenarioWriter}. */
  public synchronized void applyTo(ObjectNode scenario) {
    byPointer.forEach((pointer, values) -> {
      if (!(scenario.at(pointer) instanceof ObjectNode component)) {
        throw new IllegalStateException("no component at " + pointer + " in the written scenario");
      }
      values.forEach(component::put);
    });
  }
}
