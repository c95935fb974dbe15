package org.ccsim.core.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Charts laid out in a grid of equal cells, row by row, drawn as one PNG or one SVG document (a
 * single chart is a grid of one).
 *
 * @param charts the charts, row by row
 * @param columns cells per row
 * @param cellWidth width of a cell in pixels
 * @param cellHeight height of a cell in pixels
 */
public record ChartGrid(List<JFreeChart> charts, int columns, int cellWidth, int cellHeight) {

  /** One chart of the given size. */
  public static ChartGrid of(JFreeChart chart, int width, int height) {
    return new ChartGrid(List.of(chart), 1, width, height);
  }

  private int width() {
    return Math.min(columns, charts.size()) * cellWidth;
  }

  private int height() {
    return (charts.size() + columns - 1) / columns * cellHeight;
  }

  private void draw(Graphics2D g2) {
    g2.setPaint(Color.WHITE);
    g2.fillRect(0, 0, width(), height());
    for (int i = 0; i < charts.size(); i++) {
      charts.get(i).draw(g2, new Rectangle(i % columns * cellWidth, i / columns * cellHeight, cellWidth, cellHeight));
    }
  }

  /** The grid as PNG. */
  public byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    g2.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
    draw(g2);
    g2.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** The grid as an SVG document. */
  public String svg() {
    SVGGraphics2D g2 = new SVGGraphics2D(width(), height());
    draw(g2);
    return g2.getSVGDocument();
  }
}
