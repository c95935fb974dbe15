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

  /** {@code file: path: message}, on one line: control characters from the scenario are escaped. */
  public String format(String file) {
    return oneLine(file + ": " + path + ": " + message);
  }

  private static String oneLine(String text) {
    StringBuilder line = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        line.append(String.format("\\u%04x", c));
      } else {
        line.appendCodePoint(c);
      }
    });
    return line.toString();
  }
}
