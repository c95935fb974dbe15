package org.ccsim.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Reads the cells back out of a rendered table, the way a Markdown or HTML reader would split them,
 * so tests can compare what a reader sees with the {@link Table} that was rendered.
 */
final class RenderedCells {

  private static final Pattern DELIMITER_ROW = Pattern.compile("\\|(-{3}:?\\|)+");
  private static final Pattern HTML_CELL = Pattern.compile("<(th|td)( class=\"n\")?>(.*?)</\\1>");
  private static final Pattern HTML_LEGEND = Pattern.compile("<dt>(.*?)</dt><dd>(.*?)</dd>");

  private RenderedCells() {
  }

  /** The header row, then every body row, of the pipe table in {@code markdown}. */
  static List<List<String>> markdown(String markdown) {
    return markdown.lines().filter(l -> l.startsWith("|") && !DELIMITER_ROW.matcher(l).matches())
        .map(RenderedCells::markdownRow).toList();
  }

  /** The alignment of each column, from the delimiter row of the pipe table in {@code markdown}. */
  static List<Alignment> markdownAlignments(String markdown) {
    String delimiters = markdown.lines().filter(l -> DELIMITER_ROW.matcher(l).matches()).findFirst().orElseThrow();
    return markdownRow(delimiters).stream().map(d -> d.endsWith(":") ? Alignment.NUMBER : Alignment.TEXT).toList();
  }

  /** Splits a row at every bar that no backslash escapes, and undoes the escapes in each cell. */
  private static List<String> markdownRow(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        cell.append(line.charAt(++i));
      } else if (c == '|') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (!cell.toString().isBlank()) {
      throw new AssertionError("a row that does not end in a bar: " + line);
    }
    return cells;
  }

  /** The header row, then every body row, of the table in {@code html}, unescaped. */
  static List<List<String>> html(String html) {
    return html.lines().filter(l -> l.startsWith("<tr>")).map(l -> {
      List<String> cells = new ArrayList<>();
      Matcher m = HTML_CELL.matcher(l);
      while (m.find()) {
        cells.add(StringEscapeUtils.unescapeHtml4(m.group(3)));
      }
      return cells;
    }).toList();
  }

  /** The alignment of each column, from the class of the first body row's cells in {@code html}. */
  static List<Alignment> htmlAlignments(String html) {
    String row = html.lines().filter(l -> l.startsWith("<tr><td")).findFirst().orElseThrow();
    List<Alignment> alignments = new ArrayList<>();
    Matcher m = HTML_CELL.matcher(row);
    while (m.find()) {
      alignments.add(m.group(2) == null ? Alignment.TEXT : Alignment.NUMBER);
    }
    return alignments;
  }

  /** The legend under the table in {@code markdown}: each entry's heading and meaning. */
  static List<List<String>> markdownLegend(String markdown) {
    return markdown.lines().filter(l -> l.startsWith("- ")).map(l -> {
      int colon = l.indexOf(": ");
      return List.of(unescapeMarkdown(l.substring(2, colon)), unescapeMarkdown(l.substring(colon + 2)));
    }).toList();
  }

  /** Undoes {@link MarkdownTables#cell}'s escapes: a backslash stands for the character after it. */
  private static String unescapeMarkdown(String text) {
    StringBuilder plain = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      plain.append(text.charAt(i) == '\\' && i + 1 < text.length() ? text.charAt(++i) : text.charAt(i));
    }
    return plain.toString();
  }

  /** The legend under the table in {@code html}: each entry's heading and meaning, unescaped. */
  static List<List<String>> htmlLegend(String html) {
    List<List<String>> entries = new ArrayList<>();
    Matcher m = HTML_LEGEND.matcher(html);
    while (m.find()) {
      entries.add(List.of(StringEscapeUtils.unescapeHtml4(m.group(1)), StringEscapeUtils.unescapeHtml4(m.group(2))));
    }
    return entries;
  }

  /** Each column's heading and meaning, as a legend lists them. */
  static List<List<String>> expectedLegend(Table table) {
    return table.columns().stream().map(c -> List.of(c.heading(), c.meaning())).toList();
  }

  /** The header row, then the body rows, of {@code table}. */
  static List<List<String>> expected(Table table) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(table.columns().stream().map(Column::heading).toList());
    rows.addAll(table.rows());
    return rows;
  }
}
