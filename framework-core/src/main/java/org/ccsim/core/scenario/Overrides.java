package org.ccsim.core.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --set PATH=VALUE} overrides, applied to the scenario's JSON tree before validation, so an
 * overridden value is checked like any other. PATH is dotted keys with optional array indices
 * ({@code rules.tbptt.truncation}, {@code phases[1].epochs}); missing objects on the way are
 * created. VALUE is read as JSON when it parses ({@code 0.5}, {@code true}, {@code {"type":"sgd"}})
 * and as a string otherwise ({@code tanh}).
 */
final class Overrides {

  private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+\\])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

  private final ObjectMapper mapper;

  Overrides(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Applies each {@code PATH=VALUE} to {@code root} in order; problems are added to {@code problems}. */
  void apply(ObjectNode root, List<String> assignments, List<Problem> problems) {
    for (String assignment : assignments) {
      String where = "--set " + assignment;
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        problems.add(new Problem(where, "must be PATH=VALUE, e.g. rules.bptt.truncation=3"));
        continue;
      }
      String error = set(root, assignment.substring(0, eq), parse(assignment.substring(eq + 1)));
      if (error != null) {
        problems.add(new Problem(where, error));
      }
    }
  }

  private JsonNode parse(String value) {
    try {
      JsonNode node = mapper.readTree(value);
      return node.isMissingNode() ? TextNode.valueOf(value) : node; // empty or blank: no JSON value
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(value);
    }
  }

  /** Sets the value; returns what went wrong, or {@code null}. */
  private static String set(ObjectNode root, String path, JsonNode value) {
    String[] segments = path.split("\\.", -1);
    JsonNode node = root;
    for (int s = 0; s < segments.length; s++) {
      Matcher m = SEGMENT.matcher(segments[s]);
      if (!m.matches()) {
        return "bad path segment '" + segments[s] + "'";
      }
      List<Integer> indices = INDEX.matcher(m.group(2)).results().map(r -> Integer.parseInt(r.group(1))).toList();
      boolean last = s == segments.length - 1;
      if (!(node instanceof ObjectNode object)) {
        return "'" + m.group(1) + "' is inside something that is not an object";
      }
      if (last && indices.isEmpty()) {
        object.set(m.group(1), value);
        return null;
      }
      JsonNode child = object.get(m.group(1));
      if (child == null && indices.isEmpty()) {
        child = object.putObject(m.group(1));
      }
      for (int i = 0; i < indices.size(); i++) {
        int index = indices.get(i);
        if (!(child instanceof ArrayNode array) || index >= array.size()) {
          return "no element [" + index + "] under '" + m.group(1) + "'";
        }
        if (last && i == indices.size() - 1) {
          array.set(index, value);
          return null;
        }
        child = array.get(index);
      }
      node = child;
    }
    return null;
  }
}
