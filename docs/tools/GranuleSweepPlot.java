import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.text.DecimalFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The plot of {@code scenarios/cc-granule-sweep.json}: final loss (mean over replicates, from a run's
 * {@code summary.csv}) against the expansion ratio, one line per fan-in, and the cortex alone as a
 * flat line. Its sweep names the rules {@code cb-expansion<r>-fanIn<f>}; this reads the grid back from the names.
 * A one-off tool, not part of the build; run with the source launcher and JFreeChart:
 *
 * <pre>java -cp ~/.m2/repository/org/jfree/jfreechart/1.5.6/jfreechart-1.5.6.jar \
 *     docs/tools/GranuleSweepPlot.java RUN_DIR docs/images/cc-granule-sweep.png</pre>
 */
public class GranuleSweepPlot {

  public static void main(String[] args) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(args[0], "summary.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    int rule = header.indexOf("rule");
    int metric = header.indexOf("metric");
    int mean = header.indexOf("final_mean");
    Pattern grid = Pattern.compile("cb-expansion(\\d+)-fanIn(\\d+)");
    Map<Integer, XYSeries> byFanIn = new TreeMap<>();
    double cortex = Double.NaN;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (!f[metric].equals("loss")) {
        continue;
      }
      Matcher m = grid.matcher(f[rule]);
      if (m.matches()) {
        int fanIn = Integer.parseInt(m.group(2));
        byFanIn.computeIfAbsent(fanIn, k -> new XYSeries("fanIn " + k))
            .add(Integer.parseInt(m.group(1)), Double.parseDouble(f[mean]));
      } else if (f[rule].equals("cortex")) {
        cortex = Double.parseDouble(f[mean]);
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    byFanIn.values().forEach(data::addSeries);
    XYSeries alone = new XYSeries("cortex alone (BPTT(1))");
    alone.add(1, cortex);
    alone.add(20, cortex);
    data.addSeries(alone);
    JFreeChart chart = ChartFactory.createXYLineChart("cc-granule-sweep: final loss", "expansion r (N_gc = r n)",
        "final loss (mean of 5 replicates)", data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    LogAxis x = new LogAxis("expansion r (N_gc = r n), log scale");
    x.setBase(2);
    x.setTickUnit(new NumberTickUnit(1));
    x.setNumberFormatOverride(new DecimalFormat("0"));
    plot.setDomainAxis(x);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    Color[] colours = {new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x9467bd)};
    for (int i = 0; i < data.getSeriesCount() - 1; i++) {
      renderer.setSeriesPaint(i, colours[i % colours.length]);
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    renderer.setSeriesPaint(data.getSeriesCount() - 1, Color.GRAY);
    renderer.setSeriesStroke(data.getSeriesCount() - 1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
    renderer.setSeriesShapesVisible(data.getSeriesCount() - 1, false);
    plot.setRenderer(renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    ChartUtils.saveChartAsPNG(new File(args[1]), chart, 800, 500);
  }
}
