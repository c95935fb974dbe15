import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws the README's figure of issue 15: the final {@code sg-alignment} of each rule (mean and 95%
 * CI over replicates) against the episode length T, from the {@code summary.csv} of one run folder
 * per T, with {@code linear-fit-alignment} (the ceiling of any linear synthesiser) as its own line.
 * RULES lists the rules drawn, each as its line's name followed by the names it has in the runs
 * ({@code pre-1/pre-lambda1}: the line pre-1 takes the rule pre-1 or pre-lambda1). Run with the
 * distribution's libraries:
 * <pre>  java -cp "distribution/target/ccsim/lib/*" docs/tools/HorizonFigure.java OUT.png RULES T=RUN_DIR...</pre>
 * The README's figure: {@code bp-1,pre-1/pre-lambda1,lsq-1 10=<bp-lambda-alignment run> 20=<bp-lambda-horizon run>
 * 40=<bp-lambda-horizon run with --set task.steps=40>}.
 */
public final class HorizonFigure {

  private static final String CEILING = "best linear fit (ceiling)";

  public static void main(String[] args) throws IOException {
    Map<String, String> lineOf = new LinkedHashMap<>();
    Map<String, YIntervalSeries> lines = new LinkedHashMap<>();
    for (String rule : args[1].split(",")) {
      String[] names = rule.split("/");
      for (String name : names) {
        lineOf.put(name, names[0]);
      }
      lines.put(names[0], new YIntervalSeries(names[0]));
    }
    lines.put(CEILING, new YIntervalSeries(CEILING));
    for (int a = 2; a < args.length; a++) {
      String[] parts = args[a].split("=", 2);
      double steps = Double.parseDouble(parts[0]);
      List<String> rows = Files.readAllLines(Path.of(parts[1], "summary.csv"));
      boolean ceilingSeen = false;
      for (String row : rows.subList(1, rows.size())) {
        String[] f = row.split(",", -1);
        boolean ceiling = f[0].equals("linear-fit-alignment");
        boolean drawn = f[0].equals("sg-alignment") && lineOf.containsKey(f[1]);
        // the final values; a summary.csv from before its measure column has no other
        boolean finalValue = f.length <= 15 || f[15].equals("final");
        if (!finalValue || !drawn && !(ceiling && !ceilingSeen)) {
          continue;
        }
        ceilingSeen |= ceiling;
        String name = ceiling ? CEILING : lineOf.get(f[1]);
        double mean = Double.parseDouble(f[5]);
        double low = f[7].isEmpty() ? mean : Math.max(-1, Double.parseDouble(f[7]));
        double high = f[8].isEmpty() ? mean : Math.min(1, Double.parseDouble(f[8]));
        lines.get(name).add(steps, mean, low, high);
      }
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    lines.values().forEach(data::addSeries);
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    renderer.setAlpha(0.15f);
    int ceiling = data.getSeriesCount() - 1;
    renderer.setSeriesPaint(ceiling, Color.DARK_GRAY);
    renderer.setSeriesFillPaint(ceiling, Color.DARK_GRAY);
    renderer.setSeriesStroke(ceiling, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
        new float[] {6, 4}, 0));
    NumberAxis steps = new NumberAxis("episode length T");
    steps.setAutoRangeIncludesZero(false);
    NumberAxis alignment = new NumberAxis("final sg-alignment (mean, 95% CI)");
    alignment.setRange(0, 1.05);
    JFreeChart chart = new JFreeChart("BP(1) on the toy task: alignment against the horizon",
        JFreeChart.DEFAULT_TITLE_FONT, new XYPlot(data, steps, alignment, renderer), true);
    ChartUtils.saveChartAsPNG(new File(args[0]), chart, 800, 480);
  }
}
