package org.ccsim.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The validated, defaults-filled parameters of one component, as its {@link ComponentType} receives
 * them. Values are {@code Long}, {@code Double}, {@code Boolean}, {@code String}, {@link DataFile}
 * or, for nested components, {@code Config}. Immutable.
 */
public final class Config {

  private final String type;
  private final Map<String, Object> values;

  /**
   * @param type the component id ({@code "type"} in the scenario)
   * @param values parameter values in declaration order; optional parameters that were absent are
   *     simply missing
   */
  public Config(String type, Map<String, Object> values) {
    this.type = type;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The component id. */
  public String type() {
    return type;
  }

  /** Every value, in declaration order. */
  public Map<String, Object> values() {
    return values;
  }

  /** Whether an optional parameter was given. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** An {@link ParamType#INTEGER} parameter that fits an {@code int}. */
  public int integer(String name) {
    return Math.toIntExact(get(name, Long.class));
  }

  /** A {@link ParamType#REAL} parameter. */
  public double real(String name) {
    return get(name, Double.class);
  }

  /** A {@link ParamType#BOOLEAN} parameter. */
  public boolean bool(String name) {
    return get(name, Boolean.class);
  }

  /** A {@link ParamType#STRING} or {@link ParamType#CHOICE} parameter. */
  public String string(String name) {
    return get(name, String.class);
  }

  /** A {@link ParamType#FILE} parameter: the file, resolved against the scenario's folder. */
  public DataFile file(String name) {
    return get(name, DataFile.class);
  }

  /** A {@link ParamType#DATASET} parameter: the folder found on the data search path. */
  public DataFolder dataset(String name) {
    return get(name, DataFolder.class);
  }

  /** A {@link ParamType#COMPONENT} parameter. */
  public Config component(String name) {
    return get(name, Config.class);
  }

  private <V> V get(String name, Class<V> valueType) {
    Object value = values.get(name);
    if (value == null) {
      throw new NoSuchElementException(type + " has no value for parameter '" + name + "'");
    }
    return valueType.cast(value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Config that && type.equals(that.type) && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + values.hashCode();
  }

  @Override
  public String toString() {
    return type + values;
  }
}
