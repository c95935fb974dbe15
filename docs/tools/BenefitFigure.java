import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws the README's figure of {@code cc-truncation-sweep}: the cerebellum's benefit, i.e. the
 * paired difference of the loss (the cortex alone minus the cortex + cerebellum, per replicate),
 * against the truncation K. It is drawn for each measure (the loss at the given epochs, and the
 * area under the curve: the mean over the recorded epochs), with the mean and 95% t-interval over
 * replicates. It also prints the same numbers as a Markdown table with paired t p-values. Reads a
 * run's {@code metrics.csv}; run with the distribution's libraries:
 * <pre>  java -cp "distribution/target/ccsim/lib/*" docs/tools/BenefitFigure.java OUT.png RUN_DIR EPOCH,EPOCH,.. K=CORTEX:CEREBELLUM...</pre>
 * The README's figure: {@code 20,50,100 1=cortex-K1:cerebellum-K1 2=cortex-K2:cerebellum-K2 ...}.
 */
public final class BenefitFigure {

  public static void main(String[] args) throws IOException {
    // rule -> replicate -> epoch -> loss
    Map<String, Map<Integer, TreeMap<Integer, Double>>> losses = new LinkedHashMap<>();
    List<String> rows = Files.readAllLines(Path.of(args[1], "metrics.csv"));
    List<String> header = List.of(rows.get(0).split(","));
    int rule = header.indexOf("rule");
    int replicate = header.indexOf("replicate");
    int epoch = header.indexOf("epoch");
    int metric = header.indexOf("metric");
    int value = header.indexOf("value");
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",", -1);
      if (f[metric].equals("loss")) {
        losses.computeIfAbsent(f[rule], r -> new TreeMap<>())
            .computeIfAbsent(Integer.parseInt(f[replicate]), r -> new TreeMap<>())
            .put(Integer.parseInt(f[epoch]), Double.parseDouble(f[value]));
      }
    }
    List<String> measures = new ArrayList<>();
    for (String e : args[2].split(",")) {
      measures.add("epoch " + e);
    }
    measures.add("auc");
    Map<String, YIntervalSeries> lines = new LinkedHashMap<>();
    measures.forEach(m -> lines.put(m, new YIntervalSeries("loss at " + m.replace("auc", "all epochs (area)"))));
    System.out.println("| K | measure | cortex alone | cortex + cerebellum | benefit [95% CI] | p (paired t) |");
    System.out.println("|---:|---|---:|---:|---|---:|");
    for (int a = 3; a < args.length; a++) {
      String[] kv = args[a].split("=", 2);
      String[] pair = kv[1].split(":");
      double k = Double.parseDouble(kv[0]);
      for (String m : measures) {
        double[] alone = measure(losses.get(pair[0]), m);
        double[] helped = measure(losses.get(pair[1]), m);
        SummaryStatistics benefit = new SummaryStatistics();
        for (int i = 0; i < alone.length; i++) {
          benefit.addValue(alone[i] - helped[i]);
        }
        double half = new TDistribution(benefit.getN() - 1).inverseCumulativeProbability(0.975)
            * benefit.getStandardDeviation() / Math.sqrt(benefit.getN());
        double mean = benefit.getMean();
        lines.get(m).add(k, mean, mean - half, mean + half);
        System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f [%.2f, %.2f] | %.2g |%n", kv[0], m,
            average(alone), average(helped), mean, mean - half, mean + half, new TTest().pairedTTest(alone, helped));
      }
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    lines.values().forEach(data::addSeries);
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDefaultLinesVisible(true);
    renderer.setCapLength(6);
    NumberAxis truncation = new NumberAxis("truncation K (T = 10)");
    truncation.setAutoRangeIncludesZero(false);
    NumberAxis gain = new NumberAxis("loss of the cortex alone minus with cerebellum (mean, 95% CI)");
    XYPlot plot = new XYPlot(data, truncation, gain, renderer);
    plot.addRangeMarker(new ValueMarker(0));
    JFreeChart chart = new JFreeChart("cc-truncation-sweep: the cerebellum's benefit against K",
        JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    ChartUtils.saveChartAsPNG(new File(args[0]), chart, 800, 480);
  }

  /** Per replicate, in replicate order: the loss at the measure's epoch, or its mean over the recorded epochs. */
  private static double[] measure(Map<Integer, TreeMap<Integer, Double>> byReplicate, String measure) {
    return byReplicate.values().stream().mapToDouble(curve -> measure.equals("auc")
        ? curve.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow()
        : curve.get(Integer.parseInt(measure.substring("epoch ".length())))).toArray();
  }

  private static double average(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }
}
