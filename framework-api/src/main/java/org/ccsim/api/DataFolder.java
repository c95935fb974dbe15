package org.ccsim.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@link ParamType#DATASET} value: a folder of data that lives outside the scenario's folder, such
 * as Debian's {@code /usr/share/datasets/fashion-mnist}.
 *
 * @param given the folder as the scenario names it (absolute, or relative to the data search path);
 *     what {@code scenario.resolved.json} records, so that the file runs on another machine whose
 *     search path holds the same dataset
 * @param path the folder found, absolute, every symbolic link resolved; what {@code provenance.json}
 *     records with the SHA-256 of every file in it
 */
public record DataFolder(String given, Path path) {

  public DataFolder {
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(path, "path");
  }

  /** The file {@code name} in the folder. */
  public Path file(String name) {
    return path.resolve(name);
  }
}
