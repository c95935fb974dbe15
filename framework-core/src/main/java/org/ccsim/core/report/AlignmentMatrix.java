package org.ccsim.core.report;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccsim.core.results.Csv;
import org.ccsim.core.results.MetricRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * The matrix of pairwise cosines between the rules' gradient estimates that a passive comparison
 * records (metric {@value #PREFIX}{@code OTHER} of each rule; Marschall, Cho &amp; Savin, JMLR 2020,
 * Fig. 4): {@code alignment-matrix.csv} holds it at every recorded epoch, each cell the mean over
 * replicates, and the heat map shows it at the last recorded epoch (the diagonal, 1 by definition, included).
 */
final class AlignmentMatrix {

  /** The prefix of the pairwise metrics, as the host records them. */
  static final String PREFIX = "cosine/";

  private AlignmentMatrix() {
  }

  /** Whether {@code metric} is a cell of the matrix rather than a metric of its own. */
  static boolean isCell(String metric) {
    return metric.startsWith(PREFIX);
  }

  /** {@code phase,epoch,rule,other,cosine,replicates}, in the order the run recorded them; {@code null} without a comparison. */
  static String csv(List<MetricRow> rows) {
    Map<List<String>, double[]> cells = means(rows);
    if (cells.isEmpty()) {
      return null;
    }
    List<List<String>> lines = new ArrayList<>();
    cells.forEach((key, sum) -> {
      List<String> line = new ArrayList<>(key);
      line.add(Double.toString(sum[0] / sum[1]));
      line.add(Integer.toString((int) sum[1]));
      lines.add(line);
    });
    return Csv.write(List.of("phase", "epoch", "rule", "other", "cosine", "replicates"), lines);
  }

  /** The heat map at the last recorded epoch, or {@code null} without a comparison. */
  static JFreeChart heatMap(List<MetricRow> rows) {
    Map<List<String>, double[]> cells = means(rows);
    if (cells.isEmpty()) {
      return null;
    }
    List<String> last = cells.keySet().stream().reduce((a, b) -> b).orElseThrow();
    List<String> rules = new ArrayList<>();
    cells.keySet().stream().filter(k -> k.get(1).equals(last.get(1))).forEach(k -> {
      if (!rules.contains(k.get(2))) {
        rules.add(k.get(2));
      }
    });
    int n = rules.size();
    double[][] xyz = new double[3][n * n];
    XYPlot plot = new XYPlot();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double[] sum = cells.get(List.of(last.get(0), last.get(1), rules.get(i), rules.get(j)));
        double cosine = i == j ? 1 : sum == null ? Double.NaN : sum[0] / sum[1];
        int cell = i * n + j;
        xyz[0][cell] = j;
        xyz[1][cell] = n - 1 - i;
        xyz[2][cell] = cosine;
        XYTextAnnotation label = new XYTextAnnotation(Double.isNaN(cosine) ? "" : String.format("%.2f", cosine), j, n - 1 - i);
        label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        label.setPaint(Math.abs(cosine) > 0.6 ? Color.WHITE : Color.BLACK);
        plot.addAnnotation(label);
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("cosine", xyz);
    plot.setDataset(data);
    String[] names = rules.toArray(String[]::new);
    String[] reversed = new String[n];
    for (int i = 0; i < n; i++) {
      reversed[i] = names[n - 1 - i];
    }
    SymbolAxis columns = new SymbolAxis("estimate", names);
    columns.setVerticalTickLabels(true);
    plot.setDomainAxis(columns);
    plot.setRangeAxis(new SymbolAxis("estimate", reversed));
    XYBlockRenderer renderer = new XYBlockRenderer();
    LookupPaintScale scale = scale();
    renderer.setPaintScale(scale);
    plot.setRenderer(renderer);
    plot.setBackgroundPaint(Color.WHITE);
    JFreeChart chart = new JFreeChart("Cosine between the rules' gradient estimates (epoch " + last.get(1)
        + ", mean over replicates)", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    NumberAxis legendAxis = new NumberAxis("cosine");
    legendAxis.setRange(-1, 1);
    legendAxis.setTickUnit(new NumberTickUnit(0.25));
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(10, 10, 10, 10);
    chart.addSubtitle(legend);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /** A diverging scale from blue (-1) through white (0) to red (+1), in steps of 0.05. */
  private static LookupPaintScale scale() {
    LookupPaintScale scale = new LookupPaintScale(-1, 1.0001, Color.LIGHT_GRAY);
    for (int k = 0; k <= 40; k++) {
      double v = -1 + k * 0.05;
      float t = (float) Math.min(1, Math.abs(v));
      scale.add(v, v < 0 ? new Color(1 - t * 0.8f, 1 - t * 0.6f, 1f) : new Color(1f, 1 - t * 0.7f, 1 - t * 0.8f));
    }
    return scale;
  }

  /** (phase, epoch, rule, other) to the sum over replicates and their count, in recorded order. */
  private static Map<List<String>, double[]> means(List<MetricRow> rows) {
    Map<List<String>, double[]> cells = new LinkedHashMap<>();
    for (MetricRow row : rows) {
      if (isCell(row.metric())) {
        double[] sum = cells.computeIfAbsent(List.of(row.phase(), Integer.toString(row.epoch()), row.rule(),
            row.metric().substring(PREFIX.length())), k -> new double[2]);
        sum[0] += row.value();
        sum[1]++;
      }
    }
    return cells;
  }
}
