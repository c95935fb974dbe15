package org.ccsim.core.report;

import java.util.List;
import java.util.Objects;

/**
 * One table of a report, independent of the format it is written in: the report code fills it once
 * and {@link MarkdownTables} and {@link HtmlTables} render it. Every text is plain text, with numbers
 * already formatted; each renderer escapes what its format needs.
 *
 * @param title the heading above the table
 * @param note a paragraph between the heading and the table, or {@code ""} for none
 * @param columns the headings and alignment, left to right
 * @param rows the cells, one list per row with one cell per column
 */
public record Table(String title, String note, List<Column> columns, List<List<String>> rows) {

  /** Copies the lists and checks that every row has one cell per column. */
  public Table {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(note, "note");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a table needs at least one column: " + title);
    }
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "a row of '" + title + "' has " + row.size() + " cells for " + columns.size() + " columns: " + row);
      }
    }
  }

  /** A table with no note. */
  public Table(String title, List<Column> columns, List<List<String>> rows) {
    this(title, "", columns, rows);
  }
}
