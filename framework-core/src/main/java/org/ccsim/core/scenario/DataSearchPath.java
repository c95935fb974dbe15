package org.ccsim.core.scenario;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ccsim.api.DataFolder;

/**
 * Where {@link org.ccsim.api.ParamType#DATASET} folders are found: an absolute folder is used as it
 * is; a relative one is looked up, first hit wins, in the folders given with {@code --data}, then in
 * those of the environment variable {@code CCSIM_DATA} (separated as {@code PATH} is), then in
 * {@link #SYSTEM}, where Debian's {@code dataset-*} packages install theirs.
 *
 * @param folders the folders searched, in order
 */
public record DataSearchPath(List<Path> folders) {

  /** The last folder searched: Debian's home of datasets. */
  public static final Path SYSTEM = Path.of("/usr/share/datasets");
  /** The environment variable of folders searched after {@code --data}. */
  public static final String ENVIRONMENT = "CCSIM_DATA";

  public DataSearchPath {
    folders = List.copyOf(folders);
  }

  /** {@code given} (the {@code --data} folders), then {@code CCSIM_DATA} of {@code environment}, then {@link #SYSTEM}. */
  public static DataSearchPath of(List<Path> given, Map<String, String> environment) {
    List<Path> folders = new ArrayList<>(given);
    String variable = environment.getOrDefault(ENVIRONMENT, "");
    for (String entry : variable.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        folders.add(Path.of(entry));
      }
    }
    folders.add(SYSTEM);
    return new DataSearchPath(folders);
  }

  /** The search path of this process's environment, without {@code --data} folders. */
  public static DataSearchPath fromEnvironment() {
    return of(List.of(), System.getenv());
  }

  /**
   * The folder {@code given} names.
   *
   * @throws IllegalArgumentException with the rule broken and the folders searched, for a message
   *     at the parameter's path
   */
  public DataFolder resolve(String given) {
    Path path;
    try {
      path = Path.of(given);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("is not a folder path: " + e.getReason());
    }
    if (given.isBlank()) {
      throw new IllegalArgumentException("must name a dataset folder (got an empty string)");
    }
    if (path.isAbsolute()) {
      if (!Files.isDirectory(path)) {
        throw new IllegalArgumentException("no such folder: " + given);
      }
      return found(given, path);
    }
    for (Path folder : folders) {
      Path candidate = folder.resolve(path);
      if (Files.isDirectory(candidate)) {
        return found(given, candidate);
      }
    }
    throw new IllegalArgumentException("no folder '" + ParameterValidator.abbreviated(given) + "' on the data search path ("
        + folders.stream().map(Path::toString).collect(Collectors.joining(", "))
        + "): give its folder with --data DIR or in " + ENVIRONMENT + ", or install it"
        + (folders.contains(SYSTEM) ? " (Debian's dataset packages use " + SYSTEM + ")" : ""));
  }

  private static DataFolder found(String given, Path folder) {
    try {
      return new DataFolder(given, folder.toRealPath());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the folder " + folder + ": " + e.getMessage());
    }
  }
}
