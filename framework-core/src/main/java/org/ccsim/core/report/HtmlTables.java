package org.ccsim.core.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.List;

/**
 * Writes a {@link Table} as HTML, as in {@code report.html}: an {@code h2} heading, the note as a
 * paragraph, then the table, whose number cells have the class {@code n} (right-aligned by the
 * page's style sheet). Every heading, cell, title and note is escaped with Commons Text's
 * {@code escapeHtml4}.
 */
final class HtmlTables {

  private HtmlTables() {
  }

  /** One table with its heading and note. */
  static String section(Table table) {
    StringBuilder html = new StringBuilder("<h2>").append(escapeHtml4(table.title())).append("</h2>\n");
    if (!table.note().isEmpty()) {
      html.append("<p>").append(escapeHtml4(table.note())).append("</p>\n");
    }
    html.append("<table>\n<tr>");
    table.columns().forEach(c -> html.append("<th>").append(escapeHtml4(c.heading())).append("</th>"));
    html.append("</tr>\n");
    table.rows().forEach(cells -> row(html, table.columns(), cells));
    return html.append("</table>\n").toString();
  }

  private static void row(StringBuilder html, List<Column> columns, List<String> cells) {
    html.append("<tr>");
    for (int i = 0; i < cells.size(); i++) {
      html.append(columns.get(i).alignment() == Alignment.NUMBER ? "<td class=\"n\">" : "<td>")
          .append(escapeHtml4(cells.get(i))).append("</td>");
    }
    html.append("</tr>\n");
  }
}
