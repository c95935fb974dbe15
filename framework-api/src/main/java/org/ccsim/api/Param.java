package org.ccsim.api;

import java.util.List;
import java.util.Objects;

/**
 * The declaration of one parameter of a component: its name, JSON type, default, allowed values and
 * a one-line description. The host validates scenarios against these declarations and
 * {@code ccsim describe} prints them, so a component never parses or checks its own JSON.
 *
 * @param name the JSON key
 * @param type the JSON shape accepted
 * @param defaultValue the value used when the key is absent: a {@code Long}, {@code Double},
 *     {@code Boolean}, {@code String}, or for components the default type id; {@code null} when
 *     the parameter is optional (absent, no default) or {@linkplain #required() required}
 * @param required whether the key must be present
 * @param range allowed numeric values (for {@link ParamType#INTEGER} and {@link ParamType#REAL})
 * @param choices allowed strings (for {@link ParamType#CHOICE}), otherwise empty
 * @param componentKind the runtime interface a nested component must create (for {@link
 *     ParamType#COMPONENT}), otherwise {@code null}
 * @param doc one line: what it means, and the equation it enters
 */
public record Param(
    String name,
    ParamType type,
    Object defaultValue,
    boolean required,
    Range range,
    List<String> choices,
    Class<?> componentKind,
    String doc) {

  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(doc, "doc");
    choices = List.copyOf(choices);
    if (required && defaultValue != null) {
      throw new IllegalArgumentException(name + ": a required parameter has no default");
    }
  }

  /** An integer with a default. */
  public static Param integer(String name, long defaultValue, Range range, String doc) {
    checkDefault(name, defaultValue, range);
    return new Param(name, ParamType.INTEGER, defaultValue, false, range, List.of(), null, doc);
  }

  /** An integer that may be absent; absence has a meaning the doc states. */
  public static Param optionalInteger(String name, Range range, String doc) {
    return new Param(name, ParamType.INTEGER, null, false, range, List.of(), null, doc);
  }

  /** A real number with a default. */
  public static Param real(String name, double defaultValue, Range range, String doc) {
    checkDefault(name, defaultValue, range);
    return new Param(name, ParamType.REAL, defaultValue, false, range, List.of(), null, doc);
  }

  /** A real number that may be absent; absence has a meaning the doc states. */
  public static Param optionalReal(String name, Range range, String doc) {
    return new Param(name, ParamType.REAL, null, false, range, List.of(), null, doc);
  }

  /** A value of {@code type} that the scenario must give. */
  public static Param required(String name, ParamType type, Range range, String doc) {
    if (type == ParamType.CHOICE || type == ParamType.COMPONENT) {
      throw new IllegalArgumentException(name + ": use choice() or requiredComponent()");
    }
    return new Param(name, type, null, true, range, List.of(), null, doc);
  }

  /** A string with a default. */
  public static Param string(String name, String defaultValue, String doc) {
    return new Param(name, ParamType.STRING, defaultValue, false, Range.ANY, List.of(), null, doc);
  }

  /** A boolean with a default. */
  public static Param bool(String name, boolean defaultValue, String doc) {
    return new Param(name, ParamType.BOOLEAN, defaultValue, false, Range.ANY, List.of(), null, doc);
  }

  /** One of {@code choices}, defaulting to {@code defaultValue}. */
  public static Param choice(String name, String defaultValue, List<String> choices, String doc) {
    if (!choices.contains(defaultValue)) {
      throw new IllegalArgumentException(name + ": default " + defaultValue + " is not a choice");
    }
    return new Param(name, ParamType.CHOICE, defaultValue, false, Range.ANY, choices, null, doc);
  }

  /** A data file that may be absent; absence has a meaning the doc states. */
  public static Param optionalFile(String name, String doc) {
    return new Param(name, ParamType.FILE, null, false, Range.ANY, List.of(), null, doc);
  }

  /** A dataset folder ({@link ParamType#DATASET}), {@code defaultFolder} when absent, e.g. {@code "fashion-mnist"}. */
  public static Param dataset(String name, String defaultFolder, String doc) {
    return new Param(name, ParamType.DATASET, defaultFolder, false, Range.ANY, List.of(), null, doc);
  }

  /** A nested component of the given kind; when absent, {@code defaultType} with its defaults. */
  public static Param component(String name, Class<?> kind, String defaultType, String doc) {
    return new Param(name, ParamType.COMPONENT, defaultType, false, Range.ANY, List.of(), kind, doc);
  }

  /** A nested component of the given kind that may be absent; absence has a meaning the doc states. */
  public static Param optionalComponent(String name, Class<?> kind, String doc) {
    return new Param(name, ParamType.COMPONENT, null, false, Range.ANY, List.of(), kind, doc);
  }

  /** A nested component of the given kind that the scenario must give. */
  public static Param requiredComponent(String name, Class<?> kind, String doc) {
    return new Param(name, ParamType.COMPONENT, null, true, Range.ANY, List.of(), kind, doc);
  }

  private static void checkDefault(String name, double value, Range range) {
    if (!range.contains(value)) {
      throw new IllegalArgumentException(name + ": default " + value + " " + range.describe());
    }
  }
}
