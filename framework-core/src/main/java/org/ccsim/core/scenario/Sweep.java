package org.ccsim.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parameter grid over one rule, run from one scenario file: the block
 * <pre>  "sweep": { "rule": "cb", "grid": { "synthesiser.expansion": [1, 2], "synthesiser.fanIn": [2, 4] } }</pre>
 * replaces the rule {@code cb} by one rule per grid point (first key outermost), named after the
 * values, e.g. {@code cb-expansion1-fanIn2} (a value's {@code .} becomes {@code p}), each a copy of
 * {@code cb} with the values set at the paths (dot-separated keys inside the rule). The expansion
 * happens on the JSON before validation, so each point is validated like any rule; it leaves a block
 * {@code "swept": {rule: {path: value}}} in its place, which {@code scenario.resolved.json} keeps
 * and {@code metrics.csv} turns into one column per path. A file with {@code swept} and no
 * {@code sweep} (a resolved scenario) is read as it is.
 */
final class Sweep {

  static final String KEY = "sweep";
  static final String RECORD = "swept";

  private Sweep() {
  }

  /** Expands {@code root.sweep}, if any, in place; problems name their JSON path. */
  static void expand(ObjectNode root, List<Problem> problems) {
    JsonNode sweep = root.path(KEY);
    if (sweep.isMissingNode()) {
      return;
    }
    JsonPath path = JsonPath.ROOT.key(KEY);
    if (root.has(RECORD)) {
      problems.add(new Problem(JsonPath.ROOT.key(RECORD), "must not be given with 'sweep': ccsim writes it when expanding one"));
      return;
    }
    JsonNode rule = sweep.path("rule");
    JsonNode grid = sweep.path("grid");
    if (!sweep.isObject() || sweep.size() != 2 || !rule.isTextual() || !grid.isObject() || grid.isEmpty()) {
      problems.add(new Problem(path, "must be {\"rule\": NAME, \"grid\": {\"PATH\": [VALUE, ...], ...}} with a non-empty grid"));
      return;
    }
    JsonNode rules = root.path("rules");
    if (!rules.path(rule.asText()).isObject()) {
      problems.add(new Problem(path.key("rule"), "names no rule of $.rules (got '" + rule.asText() + "')"));
      return;
    }
    List<Map.Entry<String, JsonNode>> axes = new ArrayList<>();
    grid.fields().forEachRemaining(axes::add);
    for (Map.Entry<String, JsonNode> axis : axes) {
      JsonNode values = axis.getValue();
      boolean scalars = values.isArray() && !values.isEmpty();
      for (JsonNode v : values) {
        scalars &= v.isValueNode() && !v.isNull();
      }
      if (!scalars || axis.getKey().isEmpty()) {
        problems.add(new Problem(path.key("grid").key(axis.getKey()), "must be a non-empty array of numbers, strings or booleans"));
      }
    }
    if (!problems.isEmpty()) {
      return;
    }
    ObjectNode expanded = JsonNodeFactory.instance.objectNode();
    ObjectNode swept = JsonNodeFactory.instance.objectNode();
    List<String> generated = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      if (!member.getKey().equals(rule.asText())) {
        expanded.set(member.getKey(), member.getValue());
        continue;
      }
      for (Map<String, JsonNode> point : points(axes)) {
        StringBuilder name = new StringBuilder(member.getKey());
        ObjectNode copy = member.getValue().deepCopy();
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        point.forEach((key, value) -> {
          String[] keys = key.split("\\.");
          ObjectNode parent = copy;
          for (int k = 0; k < keys.length - 1; k++) {
            parent = parent.path(keys[k]).isObject() ? (ObjectNode) parent.get(keys[k]) : parent.putObject(keys[k]);
          }
          parent.set(keys[keys.length - 1], value);
          values.set(key, value);
          name.append('-').append(keys[keys.length - 1]).append(value.asText().replace('.', 'p'));
        });
        if (rules.has(name.toString()) || expanded.has(name.toString())) {
          problems.add(new Problem(path, "the grid point '" + name + "' clashes with another rule of that name"));
          return;
        }
        expanded.set(name.toString(), copy);
        swept.set(name.toString(), values);
        generated.add(name.toString());
      }
    }
    renameInEvents(root.path("events"), rule.asText(), generated);
    root.set("rules", expanded);
    root.remove(KEY);
    root.set(RECORD, swept);
  }

  /** An event naming the swept rule applies to every grid point of it. */
  private static void renameInEvents(JsonNode events, String rule, List<String> generated) {
    for (JsonNode event : events) {
      if (event instanceof ObjectNode object && event.path("rules").isArray()) {
        ArrayNode rules = JsonNodeFactory.instance.arrayNode();
        for (JsonNode named : event.get("rules")) {
          if (named.isTextual() && named.asText().equals(rule)) {
            generated.forEach(rules::add);
          } else {
            rules.add(named);
          }
        }
        object.set("rules", rules);
      }
    }
  }

  /** Every combination of the axes' values, the first axis outermost. */
  private static List<Map<String, JsonNode>> points(List<Map.Entry<String, JsonNode>> axes) {
    List<Map<String, JsonNode>> points = new ArrayList<>(List.of(new LinkedHashMap<>()));
    for (Map.Entry<String, JsonNode> axis : axes) {
      List<Map<String, JsonNode>> next = new ArrayList<>();
      for (Map<String, JsonNode> point : points) {
        for (JsonNode value : axis.getValue()) {
          Map<String, JsonNode> longer = new LinkedHashMap<>(point);
          longer.put(axis.getKey(), value);
          next.add(longer);
        }
      }
      points = next;
    }
    return points;
  }

  /**
   * The {@code swept} block: rule name to its grid values (path to a Long, Double, Boolean or
   * String); every name must be a rule of the scenario.
   */
  static Map<String, Map<String, Object>> read(JsonNode node, Map<String, ?> rules, List<Problem> problems) {
    Map<String, Map<String, Object>> swept = new LinkedHashMap<>();
    if (node.isMissingNode()) {
      return swept;
    }
    JsonPath path = JsonPath.ROOT.key(RECORD);
    if (!node.isObject()) {
      problems.add(new Problem(path, "must be an object of rule names to their grid values (ccsim writes it)"));
      return swept;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      if (!rules.containsKey(member.getKey()) || !member.getValue().isObject()) {
        problems.add(new Problem(path.key(member.getKey()), "must name a rule of $.rules and map paths to values"));
        continue;
      }
      Map<String, Object> values = new LinkedHashMap<>();
      member.getValue().fields().forEachRemaining(e -> values.put(e.getKey(), scalar(e.getValue())));
      swept.put(member.getKey(), values);
    }
    return swept;
  }

  private static Object scalar(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.asLong();
    }
    if (value.isNumber()) {
      return value.asDouble();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    return value.asText();
  }
}
