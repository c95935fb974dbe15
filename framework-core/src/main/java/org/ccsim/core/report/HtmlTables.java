package org.ccsim.core.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.List;

/**
 * Writes a {@link Table} as HTML, as in {@code report.html}: an {@code h2} heading, the note as a
 * paragraph, the table inside a {@code div} of class {@code table} (which the page's style sheet lets
 * scroll sideways, so that no cell need wrap), its number cells of class {@code n} (right-aligned),
 * then the legend: a {@code dl} of class {@code legend} with each column's heading and meaning. Every
 * heading, cell, title, note and meaning is escaped with Commons Text's {@code escapeHtml4}.
 */
final class HtmlTables {

  private HtmlTables() {
  }

  /** One table with its heading, note and legend. */
  static String section(Table table) {
    StringBuilder html = new StringBuilder("<h2>").append(escapeHtml4(table.title())).append("</h2>\n");
    if (!table.note().isEmpty()) {
      html.append("<p>").append(escapeHtml4(table.note())).append("</p>\n");
    }
    html.append("<div class=\"table\">\n<table>\n<tr>");
    table.columns().forEach(c -> html.append("<th>").append(escapeHtml4(c.heading())).append("</th>"));
    html.append("</tr>\n");
    table.rows().forEach(cells -> row(html, table.columns(), cells));
    html.append("</table>\n</div>\n<dl class=\"legend\">\n");
    table.columns().forEach(c -> html.append("<dt>").append(escapeHtml4(c.heading())).append("</dt><dd>")
        .append(escapeHtml4(c.meaning())).append("</dd>\n"));
    return html.append("</dl>\n").toString();
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
