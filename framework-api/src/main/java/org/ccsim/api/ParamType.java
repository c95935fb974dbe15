package org.ccsim.api;

/** The JSON shape a {@link Param} accepts. */
public enum ParamType {
  /** A JSON integer (a number with no fraction), read as {@code long}. */
  INTEGER,
  /** A finite JSON number. */
  REAL,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** Any JSON string. */
  STRING,
  /** One of a fixed list of strings. */
  CHOICE,
  /** A nested component: a JSON object with a {@code "type"} naming a component of a given kind. */
  COMPONENT
}
