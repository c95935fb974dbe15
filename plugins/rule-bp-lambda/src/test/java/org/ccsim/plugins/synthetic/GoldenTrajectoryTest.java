package org.ccsim.plugins.synthetic;

import static org.ccsim.plugins.synthetic.GoldenFile.concat;
import static org.ccsim.plugins.synthetic.GoldenFile.row;
import static org.ccsim.plugins.synthetic.GoldenFile.synthWeights;
import static org.ccsim.plugins.synthetic.GoldenFile.values;
import static org.ccsim.plugins.synthetic.Numerics.flat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ccsim.api.Episode;
import org.ccsim.api.Network;
import org.ccsim.api.Optimiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.Tensor;
import org.ccsim.core.build.TrainedGroups;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.core.optim.Adam;
import org.ccsim.core.optim.Sgd;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.plugins.synthesisers.LinearSynthesiser;
import org.ccsim.plugins.synthetic.bplambda.BpLambda;
import org.ccsim.plugins.synthetic.bplambda.BpLambdaLearner;
import org.ccsim.plugins.synthetic.bplambda.EligibilityTrace;
import org.ccsim.plugins.synthetic.bplambda.TraceForm;
import org.ccsim.testkit.RecordingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ALGORITHMS §6.5: the golden trajectories of the reference implementation (golden/README.md) are
 * reproduced step by step, at the unit level (recorded h, c, J fed to {@link BpLambdaLearner}), end
 * to end (states, Jacobians and immediate gradients from the {@code tanh-rnn} network with the
 * identity nonlinearity) and through the {@code bp-lambda} rule itself.
 *
 * <p>The reference clips every per-tensor update to norm 1 in all three files; only in the
 * {@code _clip} file does the clipping trigger, and the recorded {@code clipped} flags are checked
 * against {@code ||raw update|| > 1}.
 */
class GoldenTrajectoryTest {

  /** The README's tolerance: relative error at most 1e-9. */
  static final double RELATIVE = 1e-9;
  /** A floor for entries that are zero up to rounding. */
  static final double ABSOLUTE = 1e-13;
  /** The reference's per-tensor clipping of each synthesiser update. */
  static final double MAX_UPDATE_NORM = 1.0;

  static List<GoldenFile> files() {
    return GoldenFile.all();
  }

  static Stream<GoldenFile> batchOfOne() {
    return files().stream().filter(f -> f.batch() == 1);
  }

  private static void close(double[] expected, double[] actual, String what) {
    Numerics.assertClose(expected, actual, RELATIVE, ABSOLUTE, what);
  }

  /** What the learner is fed for one sequence: {@code h_t}, {@code c_t} and {@code J_t} per example. */
  record Trajectory(double[][][] h, double[][][] c, StateJacobian[][] jacobians) {
  }

  @Test
  void everyGoldenFileIsFound() {
    assertEquals(List.of("golden_accum_adam_lam0.5_B2.json", "golden_alpha_sgd_lam0.5.json",
        "golden_alpha_sgd_lam0.5_clip.json"), files().stream().map(GoldenFile::name).toList());
  }

  @ParameterizedTest
  @MethodSource("files")
  void unitLevelReplayMatchesEveryStep(GoldenFile file) {
    int clipped = replay(file, seq -> recorded(file, seq)).clippedUpdates();
    if (file.name().contains("clip")) {
      assertTrue(clipped > 0, "the _clip file exercises clipping");
    } else {
      assertEquals(0, clipped, "no clipping triggers in " + file);
    }
  }

  @ParameterizedTest
  @MethodSource("batchOfOne")
  void endToEndFromTheNetworkMatchesEveryStep(GoldenFile file) {
    Network network = identityNetwork(file);
    ParameterSet params = cortexParameters(file, network);
    List<Step[][]> recordedSteps = new ArrayList<>();
    Replay replay = replay(file, seq -> {
      Step[][] steps = run(file, network, params, seq);
      recordedSteps.add(steps);
      return live(file, network, params, seq, steps);
    });
    List<JsonNode> sequences = file.sequences();
    for (int s = 0; s < sequences.size(); s++) {
      JsonNode seq = sequences.get(s);
      Step[][] steps = recordedSteps.get(s);
      double[][][] g = replay.predictions().get(s);
      ParameterSet grad = params.zerosLike();
      double[] dLdy = new double[file.outputs()];
      double[] c = new double[file.hidden()];
      double[] signal = new double[file.hidden()];
      for (int t = 0; t < steps.length; t++) {
        for (int b = 0; b < file.batch(); b++) {
          lossGradient(file, seq, b, t, steps.length, steps[t][b].y, dLdy);
          network.readoutBackward(params, steps[t][b], dLdy, grad, c);
          for (int i = 0; i < c.length; i++) {
            signal[i] = c[i] + file.sgWeight() * g[t][b][i];
          }
          network.accumulateParameterGradient(params, steps[t][b], signal, grad);
        }
      }
      compareCortexGradient(file, seq, grad, 1.0, "sequence " + s);
    }
  }

  /**
   * The rule {@code bp-lambda} itself on the golden sequences (cortex frozen, as in the reference):
   * SGD files with {@code update=step} and {@code sgd(0.1)}, the Adam file with {@code update=episode}
   * and one Adam step per batch. The episodes give {@code dl/dy = (y - target) / B} as the reference
   * does, so the rule's own division of the cortex gradient by B shows as a factor B.
   */
  @ParameterizedTest
  @MethodSource("files")
  void bpLambdaRuleReproducesTheSynthesiserWeightsAndCortexGradients(GoldenFile file) {
    Network network = identityNetwork(file);
    ParameterSet params = cortexParameters(file, network);
    ParameterSet theta = file.initialTheta();
    TrainedGroups synthesiserGroup = SyntheticFixtures.synthesiserGroup(theta, optimiser(file));
    BpLambda rule = new BpLambda(network, new LinearSynthesiser(file.hidden(), Learners.JAVA), theta, Learners.JAVA, WorkSharing.COMMON,
        new BpLambda.Settings(file.lambda(), file.gamma(), file.sgWeight(), MAX_UPDATE_NORM, file.sgdEveryStep(),
            TraceForm.TRACE, 0, false));
    for (JsonNode seq : file.sequences()) {
      List<Episode> batch = new ArrayList<>();
      for (int b = 0; b < file.batch(); b++) {
        batch.add(new GoldenEpisode(file, seq, b));
      }
      RecordingTrainingContext context = new RecordingTrainingContext(params).training(synthesiserGroup);
      rule.train(batch, context);
      String at = "sequence " + seq.get("seq");
      close(synthWeights(seq.get("synth_weights_end_of_seq")), flat(theta), at + " synth_weights_end_of_seq");
      compareCortexGradient(file, seq, context.total(), file.batch(), at);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** The outcome of a replay: the predictions {@code g[t][b]} of every sequence. */
  record Replay(List<double[][][]> predictions, int clippedUpdates) {
  }

  /**
   * Feeds every sequence of the file into a learner, comparing everything the file records about
   * the synthesiser: delta_error, td_first_term, etraces, raw/clipped/applied updates, synth_grad,
   * learning_signal, the weights before and after each step and at the end of each sequence, and the
   * accumulated gradient of the Adam file.
   */
  static Replay replay(GoldenFile file, Function<JsonNode, Trajectory> source) {
    int n = file.hidden();
    int batch = file.batch();
    ParameterSet theta = file.initialTheta();
    LinearSynthesiser synthesiser = new LinearSynthesiser(n, Learners.JAVA);
    EligibilityTrace traces = new EligibilityTrace(synthesiser, theta, Learners.JAVA, batch,
        file.gamma() * file.lambda());
    BpLambdaLearner learner = new BpLambdaLearner(synthesiser, theta, traces, Learners.JAVA, WorkSharing.COMMON, false, batch,
        file.gamma(), MAX_UPDATE_NORM);
    // the same learner without clipping, on the same theta: the raw updates
    BpLambdaLearner unclipped = Learners.trace(synthesiser, theta, batch, file.lambda(), file.gamma(),
        Double.POSITIVE_INFINITY);
    Optimiser optimiser = optimiser(file);
    int size = TrainedVector.size(theta);
    List<double[][][]> predictions = new ArrayList<>();
    int clippedUpdates = 0;
    for (JsonNode seq : file.sequences()) {
      Trajectory trajectory = source.apply(seq);
      JsonNode steps = seq.get("steps");
      int length = steps.size();
      learner.reset();
      unclipped.reset();
      ParameterSet summed = theta.zerosLike();
      double[][][] g = new double[length][batch][n];
      double[][] scratch = new double[batch][n];
      double[][] previousTraces = null;
      for (int t = 0; t < length; t++) {
        JsonNode step = steps.get(t);
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
          for (int b = 0; b < batch; b++) {
            close(row(step.get("delta_error"), b), learner.delta(b), at + "delta_error[" + b + "]");
            JsonNode tdFirst = step.get("td_first_term");
            if (tdFirst != null && !tdFirst.isNull()) {
              double[] cj = new double[n];
              jacobians[b].vjp(c[b], cj);
              close(row(tdFirst, b), cj, at + "td_first_term[" + b + "]");
            }
            // etraces at step t are e_{t-1}: the trace after the predict of step t-1
            close(concat(row(step.get("etraces").get(GoldenFile.WEIGHT), b),
                row(step.get("etraces").get(GoldenFile.BIAS), b)), goldenLayout(previousTraces[b], n, size),
                at + "etraces[" + b + "]");
          }
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
        previousTraces = new double[batch][];
        for (int b = 0; b < batch; b++) {
          close(row(step.get("synth_grad"), b), g[t][b], at + "synth_grad[" + b + "]");
          double[] signal = new double[n];
          for (int i = 0; i < n; i++) {
            signal[i] = c[b][i] + file.sgWeight() * g[t][b][i];
          }
          close(row(step.get("learning_signal"), b), signal, at + "learning_signal[" + b + "]");
          previousTraces[b] = traces.transposed(b).clone();
        }
        close(synthWeights(step.get("synth_weights_after_step")), flat(theta), at + "synth_weights_after_step");
        JsonNode accumulated = step.get("synth_param_grad_accum");
        if (!file.sgdEveryStep() && !accumulated.get(GoldenFile.WEIGHT).isNull()) {
          close(synthWeights(accumulated), flat(summed), at + "synth_param_grad_accum");
        }
      }
      if (!file.sgdEveryStep()) {
        close(synthWeights(seq.get("synth_grads_end_of_seq")), flat(summed),
            file + " sequence " + seq.get("seq") + ": synth_grads_end_of_seq");
        optimiser.step(TrainedVector.trained(theta), TrainedVector.trained(summed));
      }
      close(synthWeights(seq.get("synth_weights_end_of_seq")), flat(theta),
          file + " sequence " + seq.get("seq") + ": synth_weights_end_of_seq");
      predictions.add(g);
    }
    return new Replay(predictions, clippedUpdates);
  }

  /** SGD at every step, or one Adam instance for the whole file (README). */
  static Optimiser optimiser(GoldenFile file) {
    return file.sgdEveryStep() ? new Sgd(file.sgdStep()) : new Adam(file.adamRate(), 0.9, 0.98, 1e-9);
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
  private static double[] goldenLayout(double[] traceT, int n, int size) {
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

  /** The recorded h, imm_grad (zeros when null) and J of a sequence. */
  private static Trajectory recorded(GoldenFile file, JsonNode seq) {
    JsonNode steps = seq.get("steps");
    int length = steps.size();
    int n = file.hidden();
    int batch = file.batch();
    double[][][] h = new double[length][batch][];
    double[][][] c = new double[length][batch][];
    StateJacobian[][] jacobians = new StateJacobian[length][batch];
    for (int t = 0; t < length; t++) {
      JsonNode step = steps.get(t);
      for (int b = 0; b < batch; b++) {
        h[t][b] = row(step.get("h"), b);
        c[t][b] = step.get("imm_grad").isNull() ? new double[n] : row(step.get("imm_grad"), b);
        jacobians[t][b] = Numerics.dense(row(step.get("J"), b), n);
      }
    }
    return new Trajectory(h, c, jacobians);
  }

  // --- end to end ------------------------------------------------------------------------------

  /** {@code tanh-rnn} with the identity nonlinearity and the file's sizes. */
  static Network identityNetwork(GoldenFile file) {
    TanhRnnType type = new TanhRnnType();
    return type.create(TestConfigs.of(type, "hidden", file.hidden(), "nonlinearity", "identity"),
        new TestBuildContext(1, TestBuildContext.taskOfSize(file.inputs(), file.outputs()), null));
  }

  /** The network's parameters set to the file's initial_params. */
  static ParameterSet cortexParameters(GoldenFile file, Network network) {
    ParameterSet params = network.initialParameters(TestBuildContext.random(1));
    Map<String, String> names = Map.of("W_in", "w_ih", "W_rec", "w_hh", "b", "b", "W_out", "w_out", "b_out", "b_out");
    for (Tensor t : params.tensors()) {
      double[] golden = values(file.initial().get(names.get(t.name())));
      assertEquals(t.data().length, golden.length, t.name());
      System.arraycopy(golden, 0, t.data(), 0, golden.length);
    }
    return params;
  }

  /** Runs the inputs of a sequence, comparing the cell state, h, the readout and J with the file. */
  private static Step[][] run(GoldenFile file, Network network, ParameterSet params, JsonNode seq) {
    JsonNode steps = seq.get("steps");
    int n = file.hidden();
    Step[][] out = new Step[steps.size()][file.batch()];
    double[] jacobian = new double[n * n];
    for (int t = 0; t < steps.size(); t++) {
      JsonNode step = steps.get(t);
      String at = file + " sequence " + seq.get("seq") + " step " + t + ": ";
      for (int b = 0; b < file.batch(); b++) {
        Step s = network.newStep();
        network.forward(params, t == 0 ? network.initialState() : out[t - 1][b].h,
            values(seq.get("inputs").get(b).get(t)), s);
        out[t][b] = s;
        close(row(step.get("cell_state"), b), s.a, at + "cell_state[" + b + "]");
        close(row(step.get("h"), b), s.h, at + "h[" + b + "]");
        close(row(step.get("readout"), b), s.y, at + "readout[" + b + "]");
        network.stateJacobian(params, s, jacobian);
        close(row(step.get("J"), b), jacobian, at + "J[" + b + "]");
      }
    }
    return out;
  }

  /** h, c (from the readout backward pass, compared with imm_grad) and live Jacobians. */
  private static Trajectory live(GoldenFile file, Network network, ParameterSet params, JsonNode seq, Step[][] steps) {
    int length = steps.length;
    int batch = file.batch();
    double[][][] h = new double[length][batch][];
    double[][][] c = new double[length][batch][file.hidden()];
    StateJacobian[][] jacobians = new StateJacobian[length][batch];
    ParameterSet ignored = params.zerosLike();
    double[] dLdy = new double[file.outputs()];
    for (int t = 0; t < length; t++) {
      JsonNode recorded = seq.get("steps").get(t).get("imm_grad");
      for (int b = 0; b < batch; b++) {
        Step step = steps[t][b];
        h[t][b] = step.h;
        lossGradient(file, seq, b, t, length, step.y, dLdy);
        network.readoutBackward(params, step, dLdy, ignored, c[t][b]);
        close(recorded.isNull() ? new double[file.hidden()] : row(recorded, b), c[t][b],
            file + " sequence " + seq.get("seq") + " step " + t + ": imm_grad[" + b + "]");
        jacobians[t][b] = new StateJacobian() {
          @Override
          public void vjp(double[] v, double[] out) {
            network.stateVjp(params, step, v, out);
          }

          @Override
          public void jvp(double[] u, double[] out) {
            network.stateJvp(params, step, u, out);
          }
        };
      }
    }
    return new Trajectory(h, c, jacobians);
  }

  /** The reference's loss convention: one target at the last step, {@code dl/dy = (y - target) / B}. */
  static void lossGradient(GoldenFile file, JsonNode seq, int b, int t, int length, double[] y, double[] out) {
    Arrays.fill(out, 0.0);
    if (t == length - 1) {
      double[] target = row(seq.get("target"), b);
      for (int o = 0; o < out.length; o++) {
        out[o] = (y[o] - target[o]) / file.batch();
      }
    }
  }

  /**
   * Compares a cortex gradient with {@code rnn_grads_end_of_seq} times {@code factor}; the readout
   * gradients of the file carry the reference's extra factor 1/O (README), undone here.
   */
  private static void compareCortexGradient(GoldenFile file, JsonNode seq, ParameterSet grad, double factor,
      String at) {
    JsonNode recorded = seq.get("rnn_grads_end_of_seq");
    Map<String, String> names = Map.of("W_in", "w_ih", "W_rec", "w_hh", "b", "b", "W_out", "w_out", "b_out", "b_out");
    for (Tensor t : grad.tensors()) {
      double[] expected = values(recorded.get(names.get(t.name())));
      double scale = t.group().equals("readout") ? file.outputs() : 1;
      for (int i = 0; i < expected.length; i++) {
        expected[i] *= scale;
      }
      double[] actual = t.data().clone();
      for (int i = 0; i < actual.length; i++) {
        actual[i] *= factor;
      }
      close(expected, actual, file + " " + at + ": rnn_grads_end_of_seq." + names.get(t.name()));
    }
  }

  /** One example of a golden sequence as an episode, with the reference's loss convention. */
  private record GoldenEpisode(GoldenFile file, JsonNode seq, int b) implements Episode {

    @Override
    public int length() {
      return seq.get("steps").size();
    }

    @Override
    public double[] input(int t) {
      return values(seq.get("inputs").get(b).get(t));
    }

    @Override
    public boolean hasTarget(int t) {
      return t == length() - 1;
    }

    @Override
    public double loss(int t, double[] y) {
      if (!hasTarget(t)) {
        return 0;
      }
      double[] target = row(seq.get("target"), b);
      double sum = 0;
      for (int o = 0; o < y.length; o++) {
        sum += 0.5 * (y[o] - target[o]) * (y[o] - target[o]);
      }
      return sum / file.batch();
    }

    @Override
    public void lossGradient(int t, double[] y, double[] out) {
      GoldenTrajectoryTest.lossGradient(file, seq, b, t, length(), y, out);
    }
  }
}
