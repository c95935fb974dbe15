package org.ccsim.core.report;

import java.util.Objects;

/**
 * One column of a {@link Table}: its heading, how its cells line up, and what it means. Every column
 * explains itself: both renderers write the meanings as a legend under the table, so the Markdown
 * and the HTML report use one set of headings and one explanation of them.
 *
 * @param heading the heading as plain text (renderers escape it)
 * @param alignment how the heading's cells line up
 * @param meaning what the column holds, as plain text, for the legend under the table
 */
public record Column(String heading, Alignment alignment, String meaning) {

  /** Checks that no part is missing or blank. */
  public Column {
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(alignment, "alignment");
    if (meaning == null || meaning.isBlank()) {
      throw new IllegalArgumentException("column '" + heading + "' needs a meaning for the legend");
    }
  }

  /** A column of names or labels. */
  public static Column text(String heading, String meaning) {
    return new Column(heading, Alignment.TEXT, meaning);
  }

  /** A column of numbers. */
  public static Column number(String heading, String meaning) {
    return new Column(heading, Alignment.NUMBER, meaning);
  }
}
