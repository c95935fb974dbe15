package org.ccsim.core.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one static page with the summary tables ({@link HtmlTables}) and the plots (as
 * relative links to {@code plots/*.png}), which a browser opens from the run folder with no server,
 * no script and no resource from elsewhere.
 */
final class HtmlReport {

  /**
   * Cells never wrap (a rule name such as {@code cortex-cerebellum} broken at its hyphen reads as two
   * names; headings may); a table wider than the page scrolls sideways in its {@code div}. The legend
   * under a table sets each heading beside its meaning.
   */
  private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:1400px}"
      + "div.table{overflow-x:auto;margin:0.5em 0}table{border-collapse:collapse}"
      + "th,td{border:1px solid #ccc;padding:3px 6px}td{white-space:nowrap}"
      + "td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f2f2f2}"
      + "dl.legend{display:grid;grid-template-columns:max-content auto;gap:0 1em;margin:0 0 1.5em;"
      + "font-size:90%;color:#444}dl.legend dt{font-weight:bold}dl.legend dd{margin:0}"
      + "img{max-width:100%;border:1px solid #eee;margin:0.5em 0}";

  private HtmlReport() {
  }

  /**
   * @param title the scenario's name
   * @param description the scenario's description
   * @param tables the summary tables, in order ({@link SummaryTables})
   * @param plots image paths relative to the run folder, to their captions
   */
  static String page(String title, String description, List<Table> tables, Map<String, String> plots) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escapeHtml4(title)).append(" – ccsim report</title>\n<style>").append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>").append(escapeHtml4(title)).append("</h1>\n<p>")
        .append(escapeHtml4(description)).append("</p>\n");
    tables.forEach(table -> html.append(HtmlTables.section(table)));
    plots.forEach((path, caption) -> html.append("<h2>").append(escapeHtml4(caption)).append("</h2>\n<img src=\"")
        .append(escapeHtml4(path)).append("\" alt=\"").append(escapeHtml4(caption)).append("\">\n"));
    return html.append("</body>\n</html>\n").toString();
  }
}
