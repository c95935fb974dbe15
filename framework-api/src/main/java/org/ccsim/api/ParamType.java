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
  COMPONENT,
  /**
   * A data file: a string naming a readable regular file by a path relative to the scenario file's
   * folder, which it may not leave (no absolute paths, no {@code ..} or symbolic link out of it);
   * read as a {@link DataFile}.
   */
  FILE,
  /**
   * A dataset folder, which lives outside the scenario's folder: a string naming an existing folder,
   * either absolute or found on the host's data search path ({@code --data DIR}, then the folders of
   * {@code CCSIM_DATA}, then {@code /usr/share/datasets}); read as a {@link DataFolder}.
   */
  DATASET
}
