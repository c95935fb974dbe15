package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccsim.core.results.Divergence;
import org.ccsim.core.results.EventsCsv;
import org.ccsim.core.results.MetricRow;
import org.junit.jupiter.api.Test;

/**
 * A rule and a phase whose names hold {@code <}, {@code &}, {@code "} and {@code |}: the HTML report
 * escapes them, and the Markdown summary keeps one cell per column.
 */
class SummaryTablesEscapingTest {

  private static final String RULE = "a<b & \"c\" | d";
  private static final String PHASE = "p|q <x>";

  private static List<Table> tables() {
    List<MetricRow> rows = new ArrayList<>();
    for (String rule : List.of("bptt", RULE)) {
      for (int replicate = 1; replicate <= 3; replicate++) {
        rows.add(new MetricRow(rule, replicate, PHASE, 1, "loss", 10.0 + replicate));
        rows.add(new MetricRow(rule, replicate, PHASE, 2, "loss", (rule.equals("bptt") ? 1.0 : 2.0) * replicate));
      }
    }
    Comparison stats = Comparison.of(Map.of(1, 1.0, 2, 2.0, 3, 4.0), null);
    List<AdaptationRow> adaptation = List.of(new AdaptationRow(RULE, PHASE, "initial", stats));
    List<EventsCsv.Row> events = List.of(new EventsCsv.Row(2, PHASE, "ablate <all> & \"more\"", RULE));
    List<Divergence> divergences = List.of(new Divergence(RULE, 2, PHASE, 2, 1, 0, "weight W|<rec>"));
    return SummaryTables.of(Summary.of(rows, List.of(Measure.FINAL)), adaptation, "", events, divergences);
  }

  @Test
  void htmlEscapesNamesInCellsHeadingsAndTitles() {
    String html = HtmlReport.page("t", "d", tables(), Map.of());

    String rule = "a&lt;b &amp; &quot;c&quot; | d";
    String phase = "p|q &lt;x&gt;";
    assertTrue(html.contains("<tr><td>" + rule + "</td><td>" + phase + "</td><td class=\"n\">3</td>"), html);
    assertTrue(html.contains("<h2>Adaptation in phase " + phase + " (loss), over replicates</h2>"), html);
    assertTrue(html.contains("<tr><td>initial</td><td>" + rule + "</td>"), html);
    assertTrue(html.contains("<td>ablate &lt;all&gt; &amp; &quot;more&quot;</td><td>" + rule + "</td>"), html);
    assertTrue(html.contains("<td>weight W|&lt;rec&gt;</td>"), html);
    assertTrue(html.contains("<th>diff vs bptt</th>"), html);
    for (String raw : List.of("a<b", "<x>", "<all>", "<rec>", "\"c\"", "& ")) {
      assertFalse(html.contains(raw), "unescaped " + raw + " in\n" + html);
    }
  }

  @Test
  void markdownKeepsOneCellPerColumnAndShowsTheNamesWhole() {
    for (Table table : tables()) {
      String markdown = MarkdownTables.section(table);

      List<List<String>> cells = RenderedCells.markdown(markdown);
      assertEquals(RenderedCells.expected(table), cells, markdown);
      cells.forEach(row -> assertEquals(table.columns().size(), row.size(), markdown));
    }
    String markdown = MarkdownTables.document(tables());
    assertTrue(markdown.contains("| a<b & \"c\" \\| d | p\\|q <x> | 3 |"), markdown);
    assertTrue(markdown.contains("| 2 | p\\|q <x> | ablate <all> & \"more\" | a<b & \"c\" \\| d |"), markdown);
  }
}
