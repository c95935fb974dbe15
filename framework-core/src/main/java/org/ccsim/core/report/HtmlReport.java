package org.ccsim.core.report;

import java.util.List;
import java.util.Map;
import org.ccsim.api.DivergenceException;
import org.ccsim.core.results.Divergence;
import org.ccsim.core.results.EventsCsv;

/**
 * {@code report.html}: one static page with the summary tables and the plots (as relative links to
 * {@code plots/*.png}), which a browser opens from the run folder with no server, no script and no
 * resource from elsewhere.
 */
final class HtmlReport {

  private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:1400px}"
      + "table{border-collapse:collapse;margin:0.5em 0 1.5em}th,td{border:1px solid #ccc;padding:3px 8px}"
      + "td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f2f2f2}img{max-width:100%;"
      + "border:1px solid #eee;margin:0.5em 0}";
  private static final String[] STATS_HEADINGS =
      {"mean", "sd", "95% CI", "diff vs first", "d_z", "p (paired t)", "p (Wilcoxon)", "r (rank-biserial)"};

  private HtmlReport() {
  }

  /**
   * @param title the scenario's name
   * @param description the scenario's description
   * @param plots image paths relative to the run folder, to their captions
   */
  static String page(String title, String description, List<SummaryRow> summary, List<AdaptationRow> adaptation,
      List<EventsCsv.Row> events, List<Divergence> divergences, Map<String, String> plots) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(title)).append(" – ccsim report</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n<h1>")
        .append(escape(title)).append("</h1>\n<p>").append(escape(description)).append("</p>\n");
    diverged(html, divergences);
    for (Map.Entry<String, List<SummaryRow>> metric : SummaryFormat.group(summary, SummaryRow::metric).entrySet()) {
      html.append("<h2>").append(escape(metric.getKey())).append(": final value per phase, over replicates</h2>\n<table>\n");
      header(html, "rule", "phase", "n", "start");
      metric.getValue().forEach(r -> row(html, List.of(r.rule(), r.phase()), List.of(Integer.toString(r.finals().n()),
          SummaryFormat.readable(r.start())), r.finals()));
      html.append("</table>\n");
    }
    for (Map.Entry<String, List<AdaptationRow>> phase : SummaryFormat.group(adaptation, AdaptationRow::phase).entrySet()) {
      html.append("<h2>Adaptation in phase ").append(escape(phase.getKey())).append(" (").append(Adaptation.METRIC)
          .append("), over replicates</h2>\n<table>\n");
      header(html, "measure", "rule", "n");
      phase.getValue().forEach(r -> row(html, List.of(r.measure(), r.rule()), List.of(Integer.toString(r.stats().n())),
          r.stats()));
      html.append("</table>\n");
    }
    if (!events.isEmpty()) {
      html.append("<h2>Events</h2>\n<table>\n<tr><th>epoch</th><th>phase</th><th>action</th><th>rule</th></tr>\n");
      events.forEach(e -> html.append("<tr><td class=\"n\">").append(e.epoch()).append("</td><td>").append(escape(e.phase()))
          .append("</td><td>").append(escape(e.action())).append("</td><td>").append(escape(e.rule())).append("</td></tr>\n"));
      html.append("</table>\n");
    }
    plots.forEach((path, caption) -> html.append("<h2>").append(escape(caption)).append("</h2>\n<img src=\"")
        .append(escape(path)).append("\" alt=\"").append(escape(caption)).append("\">\n"));
    return html.append("</body>\n</html>\n").toString();
  }

  private static void diverged(StringBuilder html, List<Divergence> divergences) {
    if (divergences.isEmpty()) {
      return;
    }
    html.append("<h2>Diverged</h2>\n<p>").append(divergences.size()).append(" (rule, replicate) unit(s) stopped where a"
        + " quantity became NaN or infinite. Their curves end there (&times;); the statistics below leave each out of"
        + " the phase it stopped in and after (see n).</p>\n<table>\n<tr><th>rule</th><th>replicate</th><th>phase</th>"
        + "<th>epoch</th><th>batch</th><th>step</th><th>quantity</th></tr>\n");
    divergences.forEach(d -> html.append("<tr><td>").append(escape(d.rule())).append("</td><td class=\"n\">")
        .append(d.replicate()).append("</td><td>").append(escape(d.phase())).append("</td><td class=\"n\">")
        .append(d.epoch()).append("</td><td class=\"n\">").append(d.batch()).append("</td><td class=\"n\">")
        .append(d.step() == DivergenceException.NO_STEP ? "–" : Integer.toString(d.step())).append("</td><td>")
        .append(escape(d.quantity())).append("</td></tr>\n"));
    html.append("</table>\n");
  }

  private static void header(StringBuilder html, String... leading) {
    html.append("<tr>");
    for (String heading : leading) {
      html.append("<th>").append(escape(heading)).append("</th>");
    }
    for (String heading : STATS_HEADINGS) {
      html.append("<th>").append(escape(heading)).append("</th>");
    }
    html.append("</tr>\n");
  }

  private static void row(StringBuilder html, List<String> labels, List<String> numbers, Comparison c) {
    html.append("<tr>");
    labels.forEach(l -> html.append("<td>").append(escape(l)).append("</td>"));
    List<String> cells = new java.util.ArrayList<>(numbers);
    cells.addAll(List.of(SummaryFormat.readable(c.mean()), SummaryFormat.readable(c.sd()), SummaryFormat.interval(c),
        SummaryFormat.readable(c.difference()), SummaryFormat.readable(c.effectSize()), SummaryFormat.probability(c.pT()),
        SummaryFormat.probability(c.pWilcoxon()), SummaryFormat.readable(c.rankBiserial())));
    cells.forEach(v -> html.append("<td class=\"n\">").append(escape(v)).append("</td>"));
    html.append("</tr>\n");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
