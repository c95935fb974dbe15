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
      List.of(Column.text("name"), Column.number("value"), Column.text("95% CI")),
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
  }

  @Test
  void bothRenderersShowTheCellsOfATableWrittenByHand() {
    assertSameCells(AWKWARD);
  }

  @Test
  void bothRenderersShowTheCellsOfEverySummaryTable() {
    List<Table> tables = SummaryTables.of(Summary.of(SummaryTest.rows()), List.of(), List.of(), List.of());

    assertEquals(1, tables.size(), "one metric, no adaptation, events or divergences");
    tables.forEach(TableRenderersTest::assertSameCells);
  }

  @Test
  void titleAndNoteComeBeforeTheTableInBoth() {
    String markdown = MarkdownTables.section(AWKWARD);
    String html = HtmlTables.section(AWKWARD);

    assertTrue(markdown.startsWith("### Awkward <cells>\n\na note & more\n\n| name | value | 95% CI |\n|---|---:|---|\n"),
        markdown);
    assertTrue(html.startsWith("<h2>Awkward &lt;cells&gt;</h2>\n<p>a note &amp; more</p>\n<table>\n"
        + "<tr><th>name</th><th>value</th><th>95% CI</th></tr>\n"), html);
  }

  @Test
  void aTableWithoutNoteHasNoParagraph() {
    Table table = new Table("Events", List.of(Column.number("epoch")), List.of(List.of("3")));

    assertEquals("### Events\n\n| epoch |\n|---:|\n| 3 |\n", MarkdownTables.section(table));
    assertFalse(HtmlTables.section(table).contains("<p>"), HtmlTables.section(table));
  }

  @Test
  void markdownTablesAreSeparatedByOneBlankLine() {
    Table one = new Table("One", List.of(Column.text("a")), List.of(List.of("x")));
    Table two = new Table("Two", List.of(Column.text("b")), List.of(List.of("y")));

    assertEquals("### One\n\n| a |\n|---|\n| x |\n\n### Two\n\n| b |\n|---|\n| y |\n",
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
        () -> new Table("Short", List.of(Column.text("a"), Column.text("b")), List.of(List.of("x"))));

    assertTrue(e.getMessage().contains("1 cells for 2 columns"), e.getMessage());
  }
}
