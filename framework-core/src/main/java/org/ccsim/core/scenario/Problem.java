package org.ccsim.core.scenario;

/**
 * One thing wrong with a scenario: where, and which rule it breaks.
 *
 * @param path where in the JSON (or {@code --set PATH} for an override)
 * @param message the rule broken, e.g. {@code must be between 1 and 30 (got 0)}
 */
public record Problem(String path, String message) {

  public Problem(JsonPath path, String message) {
    this(path.toString(), message);
  }

  /** {@code file: path: message}. */
  public String format(String file) {
    return file + ": " + path + ": " + message;
  }
}
