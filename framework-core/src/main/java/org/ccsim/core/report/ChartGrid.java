package org.ccsim.core.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Size2D;
import org.jfree.data.Range;
import org.jfree.svg.SVGGraphics2D;

/**
 * Charts laid out in a grid of equal cells, row by row, drawn as one PNG or one SVG document (a
 * single chart is a grid of one). Above the cells a grid may carry a note (such as which rules
 * were left out), below them one legend shared by every cell, so that panels need not repeat it.
 *
 * @param charts the charts, row by row
 * @param columns cells per row
 * @param cellWidth width of a cell in pixels
 * @param cellHeight height of a cell in pixels
 * @param note a line of text above the cells, or {@code ""} for none
 * @param legend the items of the shared legend below the cells; empty for none
 */
public record ChartGrid(List<JFreeChart> charts, int columns, int cellWidth, int cellHeight, String note,
    LegendItemCollection legend) {

  private static final int NOTE_HEIGHT = 26;
  private static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.ITALIC, 13);

  /** Checks that no part is missing. */
  public ChartGrid {
    charts = List.copyOf(charts);
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(legend, "legend");
  }

  /** A grid with neither note nor shared legend. */
  public ChartGrid(List<JFreeChart> charts, int columns, int cellWidth, int cellHeight) {
    this(charts, columns, cellWidth, cellHeight, "", new LegendItemCollection());
  }

  /** One chart of the given size. */
  public static ChartGrid of(JFreeChart chart, int width, int height) {
    return new ChartGrid(List.of(chart), 1, width, height);
  }

  /** This grid with {@code note} above its cells. */
  public ChartGrid withNote(String note) {
    return new ChartGrid(charts, columns, cellWidth, cellHeight, note, legend);
  }

  /** This grid with one legend of {@code items} below its cells. */
  public ChartGrid withLegend(LegendItemCollection items) {
    return new ChartGrid(charts, columns, cellWidth, cellHeight, note, items);
  }

  private int width() {
    return Math.min(columns, charts.size()) * cellWidth;
  }

  private int noteHeight() {
    return note.isEmpty() ? 0 : NOTE_HEIGHT;
  }

  private int cellsHeight() {
    return (charts.size() + columns - 1) / columns * cellHeight;
  }

  /** The shared legend as JFreeChart lays it out, or {@code null} when there is none. */
  private LegendTitle legendTitle() {
    if (legend.getItemCount() == 0) {
      return null;
    }
    LegendTitle title = new LegendTitle(() -> legend);
    title.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    title.setBackgroundPaint(Color.WHITE);
    title.setPadding(new RectangleInsets(6, 6, 6, 6));
    return title;
  }

  /** The size the legend takes when wrapped to the grid's width (measured on a scratch image); none without one. */
  private Size2D legendSize(LegendTitle title) {
    if (title == null) {
      return new Size2D(0, 0);
    }
    Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      return title.arrange(scratch, new RectangleConstraint(new Range(0, width()), null)
          .toRangeHeight(new Range(0, Double.MAX_VALUE)));
    } finally {
      scratch.dispose();
    }
  }

  private int height(Size2D legend) {
    return noteHeight() + cellsHeight() + (int) Math.ceil(legend.getHeight());
  }

  private void draw(Graphics2D g2, LegendTitle legendTitle, Size2D legendSize) {
    g2.setPaint(Color.WHITE);
    g2.fillRect(0, 0, width(), height(legendSize));
    if (!note.isEmpty()) {
      g2.setPaint(Color.DARK_GRAY);
      g2.setFont(NOTE_FONT);
      g2.drawString(note, 10, NOTE_HEIGHT - 8);
    }
    int top = noteHeight();
    for (int i = 0; i < charts.size(); i++) {
      charts.get(i).draw(g2, new Rectangle(i % columns * cellWidth, top + i / columns * cellHeight, cellWidth,
          cellHeight));
    }
    if (legendTitle != null) {
      legendTitle.draw(g2, new Rectangle2D.Double((width() - legendSize.getWidth()) / 2, top + cellsHeight(),
          legendSize.getWidth(), legendSize.getHeight()));
    }
  }

  /** The grid as PNG. */
  public byte[] png() throws IOException {
    LegendTitle legendTitle = legendTitle();
    Size2D legendSize = legendSize(legendTitle);
    BufferedImage image = new BufferedImage(width(), height(legendSize), BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    draw(g2, legendTitle, legendSize);
    g2.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /**
   * A coordinate in an SVG document, to a tenth of a pixel (a plot of 2400 pixels printed 20 cm wide
   * puts 30 tenths in a millimetre), in a third of the bytes of every digit of a double.
   */
  static String tenths(double v) {
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
  }

  /** The grid as an SVG document, coordinates to {@link #tenths}. */
  public String svg() {
    LegendTitle legendTitle = legendTitle();
    Size2D legendSize = legendSize(legendTitle);
    SVGGraphics2D g2 = new SVGGraphics2D(width(), height(legendSize));
    g2.setGeomDoubleConverter(ChartGrid::tenths);
    g2.setTransformDoubleConverter(ChartGrid::tenths);
    draw(g2, legendTitle, legendSize);
    return g2.getSVGDocument();
  }
}
