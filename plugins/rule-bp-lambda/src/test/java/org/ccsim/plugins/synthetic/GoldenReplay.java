package org.ccsim.plugins.synthetic;

import static org.ccsim.plugins.synthetic.GoldenFile.concat;
import static org.ccsim.plugins.synthetic.GoldenFile.row;
import static org.ccsim.plugins.synthetic.GoldenFile.synthWeights;
import static org.ccsim.plugins.synthetic.GoldenFile.values;
import static org.ccsim.plugins.synthetic.GoldenTolerance.close;
import static org.ccsim.plugins.synthetic.Numerics.flat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ccsim.api.Optimiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.core.optim.Adam;
import org.ccsim.core.optim.Sgd;
import org.ccsim.plugins.synthesisers.LinearSynthesiser;
import org.ccsim.plugins.synthetic.bplambda.BpLambdaLearner;
import org.ccsim.plugins.synthetic.bplambda.EligibilityTrace;

/**
 * The synthesiser side of accumulate BP(lambda) replayed on a golden file (ALGORITHMS §6.5 and §3b;
 * {@code golden/README.md}, "Conventions of the reference"): each sequence's trajectory, recorded or
 * live, is fed to a {@link BpLambdaLearner} on a linear synthesiser over the file's whole state, with
 * the file's lambda and gamma (gamma multiplies the bootstrapped {@code g_t} and the trace, never
 * {@code imm_grad}) and the reference's per-tensor clipping at norm 1; the weights move as the file
 * says: {@code theta <- theta + alpha u} at every step ({@code alpha_learning}), or {@code -sum_t u_t}
 * handed to one Adam step (lr {@code lr_synth}, beta 0.9/0.98, eps 1e-9) per sequence. Every example
 * of the batch is compared at every step: {@code delta_error}, {@code td_first_term},
 * {@code etraces}, the raw, clipped and applied updates with the {@code clipped} flags,
 * {@code synth_grad}, {@code learning_signal = imm_grad + s g_t} (s only there), the weights before
 * and after each step and at the end of each sequence, and the accumulated gradient of the Adam
 * files.
 */
final class GoldenReplay {

  /** The reference's per-tensor clipping of each synthesiser update. */
  static final double MAX_UPDATE_NORM = 1.0;

  /**
   * The outcome of a replay.
   *
   * @param predictions {@code g[t][b]} of every sequence, for the cortex's learning signal
   * @param clippedUpdates the tensor updates the reference clipped (and this replay too)
   */
  record Result(List<double[][][]> predictions, int clippedUpdates) {
  }

  private final GoldenFile file;
  private final int n;
  private final int batch;
  private final ParameterSet theta;
  private final EligibilityTrace traces;
  private final BpLambdaLearner learner;
  /** The same learner without clipping, on the same theta: the raw updates. */
  private final BpLambdaLearner unclipped;
  private final Optimiser optimiser;
  private int corrections;
  private int tdFirstTerms;
  private int accumulations;
  private int clippedUpdates;

  private GoldenReplay(GoldenFile file) {
    this.file = file;
    this.n = file.state();
    this.batch = file.batch();
    this.theta = file.initialTheta();
    LinearSynthesiser synthesiser = new LinearSynthesiser(n, Learners.JAVA);
    this.traces = new EligibilityTrace(synthesiser, theta, Learners.JAVA, batch, file.gamma() * file.lambda());
    this.learner = new BpLambdaLearner(synthesiser, theta, traces, Learners.JAVA, WorkSharing.COMMON, false, batch,
        file.gamma(), MAX_UPDATE_NORM);
    this.unclipped = Learners.trace(synthesiser, theta, batch, file.lambda(), file.gamma(), Double.POSITIVE_INFINITY);
    this.optimiser = optimiser(file);
  }

  /** The unit-level replay: the recorded {@code h}, {@code imm_grad} and {@code J} of every step. */
  static Result recorded(GoldenFile file) {
    return run(file, seq -> GoldenTrajectory.recorded(file, seq));
  }

  /**
   * Replays every sequence of the file, in order, from the trajectories {@code source} gives; fails
   * if the file leaves a check nothing to compare.
   */
  static Result run(GoldenFile file, Function<JsonNode, GoldenTrajectory> source) {
    GoldenReplay replay = new GoldenReplay(file);
    List<double[][][]> predictions = new ArrayList<>();
    for (JsonNode seq : file.sequences()) {
      predictions.add(replay.sequence(seq, source.apply(seq)));
    }
    assertTrue(replay.corrections > 0, file + ": no step after the first, nothing corrected");
    assertTrue(replay.tdFirstTerms > 0, file + ": no td_first_term compared");
    assertTrue(file.sgdEveryStep() || replay.accumulations > 0, file + ": no synth_param_grad_accum compared");
    return new Result(predictions, replay.clippedUpdates);
  }

  /** SGD at every step, or one Adam instance for the whole file (README). */
  static Optimiser optimiser(GoldenFile file) {
    return file.sgdEveryStep() ? new Sgd(file.sgdStep()) : new Adam(file.adamRate(), 0.9, 0.98, 1e-9);
  }

  /** One sequence; returns its predictions {@code g[t][b]}. */
  private double[][][] sequence(JsonNode seq, GoldenTrajectory trajectory) {
    JsonNode recorded = seq.get("steps");
    int length = recorded.size();
    learner.reset();
    unclipped.reset();
    ParameterSet summed = theta.zerosLike();
    double[][][] g = new double[length][batch][n];
    double[][] scratch = new double[batch][n];
    double[][] previousTraces = null;
    for (int t = 0; t < length; t++) {
      JsonNode step = recorded.get(t);
      String at = file + " sequence " + seq.get("seq") + " step " + t + ": ";
      assertEquals(t, step.get("timestep").asInt(), at + "timestep");
      assertEquals(t == 0, step.get("first_forward").asBoolean(), at + "first_forward");
      boolean last = step.get("final_step").asBoolean();
      assertEquals(t == length - 1, last, at + "final_step");
      double[][] h = trajectory.h()[t];
      double[][] c = trajectory.c()[t];
      StateJacobian[] jacobians = trajectory.jacobians()[t];
      close(synthWeights(step.get("synth_weights_before")), flat(theta), at + "synth_weights_before");
      if (t > 0) {
        ParameterSet update = learner.correct(h, c, jacobians, last).copy();
        ParameterSet raw = unclipped.correct(h, c, jacobians, last).copy();
        compareCorrection(step, c, jacobians, previousTraces, at);
        clippedUpdates += compareUpdates(step.get("updates"), raw, update, at);
        if (file.sgdEveryStep()) {
          ParameterSet grad = update.copy();
          grad.scale(-1);
          optimiser.step(TrainedVector.trained(theta), TrainedVector.trained(grad));
        } else {
          summed.addScaled(update, -1);
        }
      }
      learner.predict(h, jacobians, last, g[t]);
      unclipped.predict(h, jacobians, last, scratch);
      previousTraces = comparePrediction(step, c, g[t], at);
      close(synthWeights(step.get("synth_weights_after_step")), flat(theta), at + "synth_weights_after_step");
      JsonNode accumulated = step.get("synth_param_grad_accum");
      if (!file.sgdEveryStep() && !accumulated.get(GoldenFile.WEIGHT).isNull()) {
        close(synthWeights(accumulated), flat(summed), at + "synth_param_grad_accum");
        accumulations++;
      }
    }
    String at = file + " sequence " + seq.get("seq") + ": ";
    if (!file.sgdEveryStep()) {
      close(synthWeights(seq.get("synth_grads_end_of_seq")), flat(summed), at + "synth_grads_end_of_seq");
      optimiser.step(TrainedVector.trained(theta), TrainedVector.trained(summed));
    }
    close(synthWeights(seq.get("synth_weights_end_of_seq")), flat(theta), at + "synth_weights_end_of_seq");
    return g;
  }

  /** delta_error, td_first_term (where there is a target) and the traces {@code e_{t-1}} of every example. */
  private void compareCorrection(JsonNode step, double[][] c, StateJacobian[] jacobians, double[][] previousTraces,
      String at) {
    int size = TrainedVector.size(theta);
    JsonNode tdFirst = step.get("td_first_term");
    for (int b = 0; b < batch; b++) {
      close(row(step.get("delta_error"), b), learner.delta(b), at + "delta_error[" + b + "]");
      if (tdFirst != null && !tdFirst.isNull()) {
        double[] cj = new double[n];
        jacobians[b].vjp(c[b], cj);
        close(row(tdFirst, b), cj, at + "td_first_term[" + b + "]");
        tdFirstTerms++;
      }
      // etraces at step t are e_{t-1}: the trace after the predict of step t-1
      close(concat(row(step.get("etraces").get(GoldenFile.WEIGHT), b), row(step.get("etraces").get(GoldenFile.BIAS), b)),
          goldenLayout(previousTraces[b], size), at + "etraces[" + b + "]");
    }
    corrections++;
  }

  /** synth_grad and learning_signal of every example; returns the traces {@code e_t} just advanced. */
  private double[][] comparePrediction(JsonNode step, double[][] c, double[][] g, String at) {
    double[][] advanced = new double[batch][];
    for (int b = 0; b < batch; b++) {
      close(row(step.get("synth_grad"), b), g[b], at + "synth_grad[" + b + "]");
      double[] signal = new double[n];
      for (int i = 0; i < n; i++) {
        signal[i] = c[b][i] + file.sgWeight() * g[b][i];
      }
      close(row(step.get("learning_signal"), b), signal, at + "learning_signal[" + b + "]");
      advanced[b] = traces.transposed(b).clone();
    }
    return advanced;
  }

  /** Compares the raw and applied updates of both tensors; returns how many were clipped. */
  private static int compareUpdates(JsonNode updates, ParameterSet raw, ParameterSet applied, String at) {
    int clipped = 0;
    for (Map.Entry<String, String> names : Map.of(GoldenFile.WEIGHT, "W_s", GoldenFile.BIAS, "b_s").entrySet()) {
      JsonNode u = updates.get(names.getKey());
      String what = at + "updates." + names.getKey();
      double[] rawValues = raw.get(names.getValue()).data();
      close(values(u.get("raw_update")), rawValues, what + ".raw_update");
      double norm = Math.sqrt(Arrays.stream(rawValues).map(x -> x * x).sum());
      close(new double[] {u.get("raw_norm").asDouble()}, new double[] {norm}, what + ".raw_norm");
      assertEquals(u.get("clipped").asBoolean(), norm > MAX_UPDATE_NORM, what + ".clipped");
      close(values(u.get("applied_update")), applied.get(names.getValue()).data(), what + ".applied_update");
      clipped += u.get("clipped").asBoolean() ? 1 : 0;
    }
    return clipped;
  }

  /**
   * A transposed trace ({@code traceT[p * n + i] = dg_i/dtheta_p}, p over W_s row-major then b_s)
   * in the golden layout: per tensor, {@code [i][shape of the tensor]}, W_s first.
   */
  private double[] goldenLayout(double[] traceT, int size) {
    double[] out = new double[n * size];
    int weights = n * n;
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < weights; p++) {
        out[i * weights + p] = traceT[p * n + i];
      }
      for (int a = 0; a < n; a++) {
        out[n * weights + i * n + a] = traceT[(weights + a) * n + i];
      }
    }
    return out;
  }
}
