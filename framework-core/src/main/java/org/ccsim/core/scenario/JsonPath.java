package org.ccsim.core.scenario;

import java.util.regex.Pattern;

/** A JSONPath-style location in a scenario, such as {@code $.rules.tbptt-1.truncation}. */
public record JsonPath(String text) {

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  /** The document root, {@code $}. */
  public static final JsonPath ROOT = new JsonPath("$");

  /** The member {@code key} of this object. */
  public JsonPath key(String key) {
    return new JsonPath(PLAIN_KEY.matcher(key).matches()
        ? text + "." + key
        : text + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']");
  }

  /** Element {@code index} of this array. */
  public JsonPath index(int index) {
    return new JsonPath(text + "[" + index + "]");
  }

  /** Converts a JSON pointer ({@code /a/0/b}) as Jackson reports it. */
  public static JsonPath fromPointer(String pointer) {
    JsonPath path = ROOT;
    if (pointer.isEmpty()) {
      return path;
    }
    for (String segment : pointer.substring(1).split("/", -1)) {
      String key = segment.replace("~1", "/").replace("~0", "~");
      path = key.matches("\\d+") ? path.index(Integer.parseInt(key)) : path.key(key);
    }
    return path;
  }

  @Override
  public String toString() {
    return text;
  }
}
