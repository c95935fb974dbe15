package org.ccsim.core.scenario;

import java.util.regex.Pattern;

/** A JSONPath-style location in a scenario, such as {@code $.rules.tbptt-1.truncation}. */
public record JsonPath(String text) {

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z0-9_-]+)|\\['((?:[^'\\\\]|\\\\.)*)'\\]|\\[(\\d+)\\]");

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

  /** The same location as a JSON pointer ({@code /a/0/b}), for Jackson's {@code JsonNode.at}. */
  public String pointer() {
    StringBuilder pointer = new StringBuilder();
    java.util.regex.Matcher m = SEGMENT.matcher(text);
    int end = 1;
    while (m.find() && m.start() == end) {
      String key = m.group(1) != null ? m.group(1)
          : m.group(2) != null ? m.group(2).replace("\\'", "'").replace("\\\\", "\\") : m.group(3);
      pointer.append('/').append(key.replace("~", "~0").replace("/", "~1"));
      end = m.end();
    }
    return pointer.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
