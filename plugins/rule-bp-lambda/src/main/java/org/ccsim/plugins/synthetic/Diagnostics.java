package org.ccsim.plugins.synthetic;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.SynthesiserBatch;
import org.ccsim.api.TrainingContext;

/**
 * Gradient-alignment diagnostics (ALGORITHMS §5), from an offline BPTT pass over the batch just
 * trained, with the parameters it was run with; never fed back into learning. Computed only when the
 * scenario records them. A rule that updates the weights during the batch has each step's kept by its
 * {@link LockstepBatch}: the pass then uses, at every step, the weights that step ran with
 * ({@link LockstepBatch#ranWith}), as do the synthesiser's metrics below.
 * <ul>
 *   <li>{@code alignment}: cosine between the cortex's learning signal {@code c_t + s g_t} and the
 *       BPTT gradient {@code c_t + G*_t};</li>
 *   <li>{@code sg-alignment}: cosine between {@code g_t} and {@code G*_t};</li>
 * </ul>
 * each averaged over examples and the non-terminal steps {@code t <= T-2} (0-based); a cosine with a
 * zero vector counts as 0. ({@code update-alignment}, the cosine of the batch's update with the
 * full-BPTT gradient, the host computes for every rule.)
 *
 * <p>For the cortico-cerebellar experiments (ALGORITHMS §4), with any synthesiser, over the same
 * examples and steps: {@code sg-norm-ratio}, {@code sum ||g_t|| / sum ||G*_t||} (how large the
 * prediction is against the true future gradient; from the same offline pass);
 * {@code cortex-sg-correlation}, the Pearson correlation across examples and steps between unit i
 * of the cortical state {@code h_t} and of the prediction {@code g_t}, averaged over the units where
 * both vary (cortical vs Purkinje population activity for a cerebellum); and
 * {@code synth-active-fraction}, the synthesiser's {@link Synthesiser#activeFraction} (the granule
 * layer's sparsity), when it gives a number; {@code linear-fit-alignment}, the ceiling of any linear
 * synthesiser on the batch ({@link LinearFitCeiling}). With updates at every step ({@code bp-lambda}), the
 * synthesiser's weights of step t are those it began with, before the step's own correction.
 */
public final class Diagnostics {

  public static final String ALIGNMENT = "alignment";
  public static final String SG_ALIGNMENT = "sg-alignment";
  public static final String TD_ERROR = "td-error";
  static final String SG_NORM_RATIO = "sg-norm-ratio";
  public static final String CORRELATION = "cortex-sg-correlation";
  static final String ACTIVE_FRACTION = "synth-active-fraction";
  public static final String LINEAR_FIT = "linear-fit-alignment";

  /** The metrics whose computation reads the cortex's weights of every step (through {@code J_t}). */
  static final List<String> READ_CORTEX = List.of(ALIGNMENT, SG_ALIGNMENT, SG_NORM_RATIO, LINEAR_FIT);
  /** The metrics whose computation reads the synthesiser's weights of every step. */
  static final List<String> READ_SYNTHESISER = List.of(CORRELATION, ACTIVE_FRACTION);

  /** The metrics every synthetic-gradient rule records about its synthesiser, with their descriptions. */
  static final Map<String, String> SYNTHESISER_METRICS = Map.of(
      SG_NORM_RATIO, "sum ||g_t|| / sum ||G*_t|| over examples and steps (offline BPTT pass); for dni, g_t is the"
          + " future gradient the cortex receives (s g at window ends, backpropagated inside windows)",
      CORRELATION, "Pearson correlation across examples and steps of h_t,i with the synthesiser's output g_t,i,"
          + " mean over units i (signed: units of opposite sign cancel)",
      ACTIVE_FRACTION, "fraction of the synthesiser's hidden units active (granule-layer sparsity of a cerebellum);"
          + " recorded for synthesisers with hidden units (cerebellum, mlp)",
      LINEAR_FIT, "the ceiling of any linear synthesiser: sg-alignment of the least-squares linear map from [h_t; 1]"
          + " to G*_t fitted on the batch itself (examples and non-terminal steps)");

  private Diagnostics() {
  }

  /** Whether the scenario records any of {@code metrics}. */
  static boolean recordsAny(TrainingContext context, List<String> metrics) {
    for (int i = 0; i < metrics.size(); i++) {
      if (context.records(metrics.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** Records the alignments of a batch, if asked for. */
  public static void recordAlignment(TrainingContext context, LockstepBatch run, double[][][] g, double sgWeight) {
    if (!recordsAny(context, READ_CORTEX)) {
      return;
    }
    int steps = run.length();
    int batch = run.size();
    double signal = 0;
    double synthetic = 0;
    double predicted = 0;
    double exact = 0;
    int count = batch * Math.max(steps - 1, 1);
    boolean fits = context.records(LINEAR_FIT) && steps > 1;
    double[][] states = fits ? new double[count][] : null;
    double[][] futures = fits ? new double[count][] : null;
    for (int b = 0; b < batch; b++) {
      double[][] c = run.immediateOf(b);
      double[][] gOfB = LockstepBatch.ofExample(g, b);
      double[][] future = LambdaTargets.of(c, gOfB, run.jacobiansOf(b), 1, 1);
      for (int t = 0; t < steps - 1; t++) {
        if (fits) {
          states[b * (steps - 1) + t] = run.states(t)[b];
          futures[b * (steps - 1) + t] = future[t];
        }
        signal += cosine(c[t], sgWeight, gOfB[t], c[t], 1, future[t]);
        synthetic += cosine(null, 1, gOfB[t], null, 1, future[t]);
        predicted += norm(gOfB[t]);
        exact += norm(future[t]);
      }
    }
    context.record(ALIGNMENT, signal / count);
    if (fits) {
      context.record(LINEAR_FIT, LinearFitCeiling.alignment(states, futures));
    }
    context.record(SG_ALIGNMENT, synthetic / count);
    if (exact > 0) {
      context.record(SG_NORM_RATIO, predicted / exact);
    }
  }

  /**
   * A rule's own metrics with the ones every synthetic-gradient rule records, sorted by name so that
   * {@code describe} lists them in a fixed order.
   */
  public static Map<String, String> withSynthesiserMetrics(Map<String, String> own) {
    Map<String, String> metrics = new TreeMap<>(own);
    metrics.putAll(SYNTHESISER_METRICS);
    return metrics;
  }

  /**
   * {@code g(h_t; theta)} for every step but the last (zero there) and every example, with the weights
   * step t ran with.
   */
  public static double[][][] predictions(LockstepBatch run, Synthesiser synthesiser, ParameterSet theta) {
    double[][][] g = new double[run.length()][run.size()][synthesiser.size()];
    for (int t = 0; t < run.length() - 1; t++) {
      for (int b = 0; b < run.size(); b++) {
        synthesiser.predict(run.ranWith(theta, t), run.states(t)[b], g[t][b]);
      }
    }
    return g;
  }

  /**
   * Records {@code cortex-sg-correlation} and {@code synth-active-fraction}, if asked for.
   *
   * @param g the predictions per step and example
   */
  public static void recordSynthesiser(TrainingContext context, LockstepBatch run, double[][][] g,
      SynthesiserBatch synthesiser, ParameterSet theta) {
    int steps = Math.max(run.length() - 1, 1);
    if (context.records(CORRELATION)) {
      double correlation = meanCorrelation(run, g, steps);
      if (!Double.isNaN(correlation)) {
        context.record(CORRELATION, correlation);
      }
    }
    if (context.records(ACTIVE_FRACTION)) {
      double active = 0;
      for (int t = 0; t < steps; t++) {
        active += synthesiser.activeFraction(run.ranWith(theta, t), run.states(t));
      }
      if (!Double.isNaN(active)) {
        context.record(ACTIVE_FRACTION, active / steps);
      }
    }
  }

  /** The mean over units of the Pearson correlation of h_t,i with g_t,i; NaN when no unit varies in both. */
  private static double meanCorrelation(LockstepBatch run, double[][][] g, int steps) {
    int n = g[0][0].length;
    double sum = 0;
    int units = 0;
    for (int i = 0; i < n; i++) {
      double sh = 0, sg = 0, shh = 0, sgg = 0, shg = 0;
      int count = 0;
      for (int t = 0; t < steps; t++) {
        for (int b = 0; b < run.size(); b++) {
          double x = run.states(t)[b][i];
          double y = g[t][b][i];
          sh += x;
          sg += y;
          shh += x * x;
          sgg += y * y;
          shg += x * y;
          count++;
        }
      }
      double varH = shh - sh * sh / count;
      double varG = sgg - sg * sg / count;
      if (varH > 1e-12 * Math.max(shh, Double.MIN_NORMAL) && varG > 1e-12 * Math.max(sgg, Double.MIN_NORMAL)) {
        sum += (shg - sh * sg / count) / Math.sqrt(varH * varG);
        units++;
      }
    }
    return units == 0 ? Double.NaN : sum / units;
  }

  private static double norm(double[] x) {
    double squares = 0;
    for (double v : x) {
      squares += v * v;
    }
    return Math.sqrt(squares);
  }



  /** The cosine between {@code a + sa * x} and {@code b + sb * y}; a null base counts as zero. */
  static double cosine(double[] a, double sa, double[] x, double[] b, double sb, double[] y) {
    double dot = 0;
    double left = 0;
    double right = 0;
    for (int i = 0; i < x.length; i++) {
      double u = (a == null ? 0 : a[i]) + sa * x[i];
      double v = (b == null ? 0 : b[i]) + sb * y[i];
      dot += u * v;
      left += u * u;
      right += v * v;
    }
    return left == 0 || right == 0 ? 0 : dot / Math.sqrt(left * right);
  }

  /** The cortex's learning signal {@code c_t + s g_t} of every example into {@code out}. */
  public static void learningSignal(double[][] c, double[][] g, double sgWeight, double[][] out) {
    for (int b = 0; b < c.length; b++) {
      for (int i = 0; i < c[b].length; i++) {
        out[b][i] = c[b][i] + sgWeight * g[b][i];
      }
    }
  }
}
