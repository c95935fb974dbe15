package org.ccsim.core.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes {@link Table}s as GitHub-flavoured Markdown, as in {@code summary.md}: a level-3 heading,
 * the note as a paragraph, a pipe table whose delimiter row right-aligns the number columns, then the
 * legend: a list of each column's heading and meaning.
 * A backslash or a vertical bar in a heading or cell is escaped, and a line break becomes a space,
 * so that no name can end a cell or a row early.
 */
final class MarkdownTables {

  private MarkdownTables() {
  }

  /** The tables one after the other, a blank line between each; {@code ""} when there are none. */
  static String document(List<Table> tables) {
    return tables.stream().map(MarkdownTables::section).collect(Collectors.joining("\n"));
  }

  /** One table with its heading, note and legend. */
  static String section(Table table) {
    StringBuilder text = new StringBuilder("### ").append(table.title()).append("\n\n");
    if (!table.note().isEmpty()) {
      text.append(table.note()).append("\n\n");
    }
    row(text, table.columns().stream().map(Column::heading).toList());
    text.append('|');
    table.columns().forEach(c -> text.append(c.alignment() == Alignment.NUMBER ? "---:|" : "---|"));
    text.append('\n');
    table.rows().forEach(cells -> row(text, cells));
    text.append('\n');
    table.columns().forEach(c -> text.append("- ").append(cell(c.heading())).append(": ").append(cell(c.meaning()))
        .append('\n'));
    return text.toString();
  }

  private static void row(StringBuilder text, List<String> cells) {
    text.append('|');
    cells.forEach(cell -> text.append(' ').append(cell(cell)).append(" |"));
    text.append('\n');
  }

  /** A cell's text made safe inside a pipe table. */
  static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\R", " ");
  }
}
