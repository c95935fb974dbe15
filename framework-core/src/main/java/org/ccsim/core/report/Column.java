package org.ccsim.core.report;

import java.util.Objects;

/**
 * One column of a {@link Table}: its heading and how its cells line up.
 *
 * @param heading the heading as plain text (renderers escape it)
 * @param alignment how the heading's cells line up
 */
public record Column(String heading, Alignment alignment) {

  /** Checks that neither part is missing. */
  public Column {
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(alignment, "alignment");
  }

  /** A column of names or labels. */
  public static Column text(String heading) {
    return new Column(heading, Alignment.TEXT);
  }

  /** A column of numbers. */
  public static Column number(String heading) {
    return new Column(heading, Alignment.NUMBER);
  }
}
