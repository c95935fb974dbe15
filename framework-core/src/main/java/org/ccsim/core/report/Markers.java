package org.ccsim.core.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * One marker at each of a list of points of an {@link XYPlot}, drawn as a single shape. A renderer
 * draws a marker per point, which an SVG document writes as an element per point, each with its full
 * style: a grid of hand paths holds thousands of them. As one shape, the picture is the same and the
 * style is written once.
 */
final class Markers extends AbstractXYAnnotation {

  private final List<double[]> points;
  private final Shape marker;
  private final Color paint;
  private final Stroke outline;

  /**
   * @param points the points (x, y) in data coordinates
   * @param marker the marker's shape around (0, 0), in pixels
   * @param paint its colour
   * @param outline the stroke its outline is drawn with, or {@code null} to fill it instead
   */
  Markers(List<double[]> points, Shape marker, Color paint, Stroke outline) {
    this.points = List.copyOf(points);
    this.marker = marker;
    this.paint = paint;
    this.outline = outline;
  }

  /** The points, in data coordinates. */
  List<double[]> points() {
    return points;
  }

  /** Whether the markers are filled rather than outlined. */
  boolean filled() {
    return outline == null;
  }

  @Override
  public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
      int rendererIndex, PlotRenderingInfo info) {
    Path2D.Double shape = new Path2D.Double();
    for (double[] p : points) {
      double x = domainAxis.valueToJava2D(p[0], dataArea, plot.getDomainAxisEdge());
      double y = rangeAxis.valueToJava2D(p[1], dataArea, plot.getRangeAxisEdge());
      shape.append(AffineTransform.getTranslateInstance(x, y).createTransformedShape(marker), false);
    }
    g2.setPaint(paint);
    if (filled()) {
      g2.fill(shape);
    } else {
      g2.setStroke(outline);
      g2.draw(shape);
    }
  }
}
