package org.ccsim.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.ccsim.api.Config;
import org.ccsim.api.Param;
import org.ccsim.api.ParamType;
import org.ccsim.core.plugin.ComponentRegistry;

/**
 * Checks JSON objects against {@link Param} declarations and turns them into values with defaults
 * filled in. Problems are collected, not thrown, so a user sees every mistake at once.
 */
final class ParameterValidator {

  private static final int SHOWN_VALUE_LENGTH = 40;

  private final ComponentRegistry registry;
  private final List<Problem> problems;
  private final Path folder;
  private final DataSearchPath data;

  /**
   * @param folder the scenario file's folder, against which data files resolve; {@code null} when
   *     there is no scenario file (a data file is then an error)
   * @param data where dataset folders are found
   */
  ParameterValidator(ComponentRegistry registry, List<Problem> problems, Path folder, DataSearchPath data) {
    this.registry = registry;
    this.problems = problems;
    this.folder = folder;
    this.data = data;
  }

  /**
   * A component object {@code {"type": id, ...}} whose type must create {@code kind}; {@code null}
   * (with a problem recorded) when the type is missing or unknown.
   */
  Config component(JsonNode node, JsonPath path, Class<?> kind) {
    String kindName = ComponentRegistry.kindName(kind);
    if (!node.isObject()) {
      return fail(path, "must be an object with a \"type\" naming " + ComponentRegistry.aKind(kind) + " (got "
          + shown(node) + ")");
    }
    JsonNode typeNode = node.get("type");
    if (typeNode == null || !typeNode.isTextual()) {
      return fail(path.key("type"), (typeNode == null ? "is required" : "must be a string")
          + ": the " + kindName + " to use, one of " + knownIds(kind));
    }
    String id = typeNode.asText();
    Optional<ComponentRegistry.Entry> entry = registry.find(id).filter(e -> e.type().kind() == kind);
    if (entry.isEmpty()) {
      return fail(path.key("type"), unknownType(id, kind));
    }
    Map<String, Object> values = fields(node, path, entry.get().type().parameters(), Set.of("type"), id);
    return new Config(id, values);
  }

  /**
   * The members of {@code node} declared by {@code params}, defaults filled in; members named in
   * {@code reserved} are left to the caller, any other member is an unknown key.
   */
  Map<String, Object> fields(JsonNode node, JsonPath path, List<Param> params, Set<String> reserved, String owner) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (!node.isObject()) {
      fail(path, "must be an object (got " + shown(node) + ")");
      return values;
    }
    Set<String> known = params.stream().map(Param::name).collect(Collectors.toCollection(java.util.TreeSet::new));
    known.addAll(reserved);
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!known.contains(key)) {
        fail(path.key(key), "unknown key for " + owner + suggestion(key, known) + " (known: "
            + String.join(", ", known) + ")");
      }
    }
    for (Param param : params) {
      JsonNode value = node.get(param.name());
      JsonPath at = path.key(param.name());
      Object converted;
      if (value == null || value.isNull()) {
        converted = absent(param, at);
      } else {
        converted = value(param, value, at);
      }
      if (converted != null) {
        values.put(param.name(), converted);
      }
    }
    return values;
  }

  private Object absent(Param param, JsonPath at) {
    if (param.required()) {
      return fail(at, "is required: " + param.doc());
    }
    if (param.defaultValue() != null && param.componentKind() != null) {
      return component(JsonNodeFactory.instance.objectNode().put("type", (String) param.defaultValue()), at,
          param.componentKind());
    }
    if (param.defaultValue() != null && param.type() == ParamType.DATASET) {
      return value(param, JsonNodeFactory.instance.textNode((String) param.defaultValue()), at);
    }
    return param.defaultValue();
  }

  private Object value(Param param, JsonNode value, JsonPath at) {
    switch (param.type()) {
      case INTEGER -> {
        Long integer = integer(value, at);
        return integer != null && inRange(param, integer, at) ? integer : null;
      }
      case REAL -> {
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
          return fail(at, "must be a finite number (got " + shown(value) + ")");
        }
        return inRange(param, value.doubleValue(), at) ? value.doubleValue() : null;
      }
      case BOOLEAN -> {
        return value.isBoolean() ? value.booleanValue() : fail(at, "must be true or false (got " + shown(value) + ")");
      }
      case STRING -> {
        return value.isTextual() ? value.textValue() : fail(at, "must be a string (got " + shown(value) + ")");
      }
      case CHOICE -> {
        if (value.isTextual() && param.choices().contains(value.textValue())) {
          return value.textValue();
        }
        return fail(at, "must be one of " + String.join(", ", param.choices()) + " (got " + shown(value) + ")");
      }
      case COMPONENT -> {
        return component(value, at, param.componentKind());
      }
      case FILE -> {
        if (!value.isTextual()) {
          return fail(at, "must be a string naming a file in the scenario's folder (got " + shown(value) + ")");
        }
        try {
          return DataFiles.resolve(folder, value.textValue());
        } catch (IllegalArgumentException e) {
          return fail(at, e.getMessage());
        }
      }
      case DATASET -> {
        if (!value.isTextual()) {
          return fail(at, "must be a string naming a dataset folder (got " + shown(value) + ")");
        }
        try {
          return data.resolve(value.textValue());
        } catch (IllegalArgumentException e) {
          return fail(at, e.getMessage());
        }
      }
      default -> throw new IllegalStateException("unhandled parameter type " + param.type());
    }
  }

  /** The integer {@code value} is ({@link #integral}), or {@code null} with a problem recorded at {@code at}. */
  Long integer(JsonNode value, JsonPath at) {
    Long integer = integral(value);
    return integer != null ? integer : fail(at, "must be an integer (got " + shown(value) + ")");
  }

  private boolean inRange(Param param, double number, JsonPath at) {
    if (param.range().contains(number)) {
      return true;
    }
    fail(at, param.range().describe() + " (got " + formatNumber(number) + ")");
    return false;
  }

  private String unknownType(String id, Class<?> kind) {
    String kindName = ComponentRegistry.kindName(kind);
    Optional<ComponentRegistry.Entry> other = registry.find(id);
    if (other.isPresent()) {
      return "'" + id + "' is " + ComponentRegistry.aKind(other.get().type().kind()) + ", not "
          + ComponentRegistry.aKind(kind) + "; " + kindName + "s: " + knownIds(kind);
    }
    Optional<ComponentRegistry.Failure> failed = registry.failureProviding(id);
    if (failed.isPresent()) {
      return kindName + " '" + id + "' is not available: " + failed.get();
    }
    List<ComponentRegistry.Entry> closest = registry.closest(id, kind, 3);
    String unknown = closest.isEmpty()
        ? "unknown " + kindName + " '" + abbreviated(id) + "': no plugin provides any " + kindName
        : "unknown " + kindName + " '" + abbreviated(id) + "'; closest: " + closest.stream()
            .map(e -> "'" + e.id() + "' (plugin " + e.provider() + ")").collect(Collectors.joining(", "));
    return unknown + failedPlugins();
  }

  /** The failed plugins whose components are not known: any of them may provide the missing id. */
  private String failedPlugins() {
    List<String> failures = registry.failures().stream().filter(f -> f.ids().isEmpty())
        .map(ComponentRegistry.Failure::toString).toList();
    return failures.isEmpty() ? "" : "; it may come from a plugin that failed (ccsim plugins): " + String.join("; ", failures);
  }

  private String knownIds(Class<?> kind) {
    List<String> ids = new ArrayList<>();
    registry.ofKind(kind).forEach(e -> ids.add(e.id()));
    return ids.isEmpty() ? "(none installed)" : String.join(", ", ids);
  }

  /** "; did you mean 'x'?" for the known key closest to {@code key}, if within two edits. */
  static String suggestion(String key, Set<String> known) {
    LevenshteinDistance distance = new LevenshteinDistance(2);
    return known.stream()
        .filter(k -> distance.apply(key.toLowerCase(), k.toLowerCase()) >= 0)
        .min(java.util.Comparator.comparingInt(k -> distance.apply(key.toLowerCase(), k.toLowerCase())))
        .map(k -> "; did you mean '" + k + "'?")
        .orElse("");
  }

  /**
   * The integer a JSON number is, however written ({@code 30}, {@code 30.0}, {@code 3e1}), or
   * {@code null} for a non-number, a fraction, or an integer beyond 2^53 written as a decimal (whose
   * value a double no longer holds exactly) or beyond a long.
   */
  private static Long integral(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? value.longValue() : null;
    }
    double number = value.isNumber() ? value.doubleValue() : Double.NaN;
    return Double.isFinite(number) && number == Math.rint(number) && Math.abs(number) <= 0x1p53 ? (long) number : null;
  }

  /** The value as the user wrote it, shortened. */
  static String shown(JsonNode value) {
    return abbreviated(value.toString());
  }

  /** The text, shortened to {@value #SHOWN_VALUE_LENGTH} characters. */
  static String abbreviated(String text) {
    return text.length() <= SHOWN_VALUE_LENGTH ? text : text.substring(0, SHOWN_VALUE_LENGTH) + "...";
  }

  private static String formatNumber(double number) {
    return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number) : Double.toString(number);
  }

  private <T> T fail(JsonPath path, String message) {
    problems.add(new Problem(path, message));
    return null;
  }
}
