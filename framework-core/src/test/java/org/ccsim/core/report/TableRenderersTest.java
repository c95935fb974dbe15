package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown and HTML renderers show the same cells, in the same order and alignment, for one table. */
class TableRenderersTest {

  private static final Table AWKWARD = new Table("Awkward <cells>", "a note & more",
      List.of(Column.text("name", "a <name> & a|bar"), Column.number("value", "the value \\ 2"),
          Column.text("95% CI", "95 % interval")),
      List.of(List.of("plain", "1.000", "[0.5000, 1.500]"),
          List.of("a|b \\ c", "–", "–"),
          List.of("<b>&amp;\"quoted\"", "-2.500e-05", ""),
          List.of("×", "12", "x\\|y")));

  private static void assertSameCells(Table table) {
    String markdown = MarkdownTables.section(table);
    String html = HtmlTables.section(table);

    List<List<String>> expected = RenderedCells.expected(table);
    assertEquals(expected, RenderedCells.markdown(markdown), markdown);
    assertEquals(expected, RenderedCells.html(html), html);
    List<Alignment> alignments = table.columns().stream().map(Column::alignment).toList();
    assertEquals(alignments, RenderedCells.markdownAlignments(markdown), markdown);
    if (!table.rows().isEmpty()) {
      assertEquals(alignments, RenderedCells.htmlAlignments(html), html);
    }
    List<List<String>> legend = RenderedCells.expectedLegend(table);
    assertEquals(legend, RenderedCells.markdownLegend(markdown), markdown);
    assertEquals(legend, RenderedCells.htmlLegend(html), html);
  }

  @Test
  void bothRenderersShowTheCellsOfATableWrittenByHand() {
    assertSameCells(AWKWARD);
  }

  @Test
  void bothRenderersShowTheCellsOfEverySummaryTable() {
    List<Table> tables = SummaryTables.of(Summary.of(SummaryTest.rows(), List.of(Measure.FINAL)), List.of(), "", List.of(), List.of());

    assertEquals(1, tables.size(), "one metric, no adaptation, events or divergences");
    tables.forEach(TableRenderersTest::assertSameCells);
  }

  /** Every kind of summary table: headings, cells and legend the same in both, every column explained. */
  @Test
  void bothRenderersShowTheSameHeadingsAndLegendForEveryKindOfTable() {
    Comparison stats = Comparison.of(java.util.Map.of(1, 1.0, 2, 2.0, 3, 4.0), null);
    List<Table> tables = SummaryTables.of(
        Summary.of(SummaryTest.rows(), List.of(Measure.FINAL, new Measure.AtEpoch(2), Measure.AUC)),
        List.of(new AdaptationRow("bptt", "train", "tau", stats)), "the loss was recorded only every 2 epochs",
        List.of(new org.ccsim.core.results.EventsCsv.Row(2, "train", "restore", "bptt")),
        List.of(new org.ccsim.core.results.Divergence("bptt", 2, "train", 2, 1, 0, "weight W")));

    assertEquals(6, tables.size(), "diverged, final values, values at epochs, areas, adaptation, events");
    for (Table table : tables) {
      assertSameCells(table);
      table.columns().forEach(c -> assertFalse(c.meaning().isBlank(), table.title() + ": " + c.heading()));
    }
  }

  @Test
  void aColumnWithoutMeaningIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Column.text("rule", " "));

    assertTrue(e.getMessage().contains("'rule' needs a meaning"), e.getMessage());
  }

  @Test
  void titleAndNoteComeBeforeTheTableInBoth() {
    String markdown = MarkdownTables.section(AWKWARD);
    String html = HtmlTables.section(AWKWARD);

    assertTrue(markdown.startsWith("### Awkward <cells>\n\na note & more\n\n| name | value | 95% CI |\n|---|---:|---|\n"),
        markdown);
    assertTrue(html.startsWith("<h2>Awkward &lt;cells&gt;</h2>\n<p>a note &amp; more</p>\n<div class=\"table\">\n<table>\n"
        + "<tr><th>name</th><th>value</th><th>95% CI</th></tr>\n"), html);
  }

  @Test
  void theLegendComesUnderTheTableInBoth() {
    String markdown = MarkdownTables.section(AWKWARD);
    String html = HtmlTables.section(AWKWARD);

    assertTrue(markdown.endsWith("| x\\\\\\|y |\n\n- name: a <name> & a\\|bar\n- value: the value \\\\ 2\n"
        + "- 95% CI: 95 % interval\n"), markdown);
    assertTrue(html.endsWith("</table>\n</div>\n<dl class=\"legend\">\n<dt>name</dt><dd>a &lt;name&gt; &amp; a|bar</dd>\n"
        + "<dt>value</dt><dd>the value \\ 2</dd>\n<dt>95% CI</dt><dd>95 % interval</dd>\n</dl>\n"), html);
  }

  @Test
  void aTableWithoutNoteHasNoParagraph() {
    Table table = new Table("Events", List.of(Column.number("epoch", "when")), List.of(List.of("3")));

    assertEquals("### Events\n\n| epoch |\n|---:|\n| 3 |\n\n- epoch: when\n", MarkdownTables.section(table));
    assertFalse(HtmlTables.section(table).contains("<p>"), HtmlTables.section(table));
  }

  @Test
  void markdownTablesAreSeparatedByOneBlankLine() {
    Table one = new Table("One", List.of(Column.text("a", "first")), List.of(List.of("x")));
    Table two = new Table("Two", List.of(Column.text("b", "second")), List.of(List.of("y")));

    assertEquals("### One\n\n| a |\n|---|\n| x |\n\n- a: first\n\n### Two\n\n| b |\n|---|\n| y |\n\n- b: second\n",
        MarkdownTables.document(List.of(one, two)));
    assertEquals("", MarkdownTables.document(List.of()));
  }

  @Test
  void aLineBreakInACellDoesNotEndTheMarkdownRow() {
    assertEquals("two lines", MarkdownTables.cell("two\nlines"));
    assertEquals("two lines", MarkdownTables.cell("two\r\nlines"));
  }

  @Test
  void aRowMustHaveOneCellPerColumn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Table("Short", List.of(Column.text("a", "first"), Column.text("b", "second")), List.of(List.of("x"))));

    assertTrue(e.getMessage().contains("1 cells for 2 columns"), e.getMessage());
  }
}
