package org.ccsim.plugins.synthetic;

import static org.ccsim.plugins.synthetic.GoldenFile.row;
import static org.ccsim.plugins.synthetic.GoldenFile.values;
import static org.ccsim.plugins.synthetic.GoldenTolerance.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.Tensor;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;

/**
 * The cortex of a golden file rebuilt in ccsim for the end-to-end replay ({@code golden/README.md},
 * "Two ways to use them", 2; ALGORITHMS §6.5): a {@code tanh-rnn} of the file's size with the file's
 * nonlinearity ({@code config.non_lin}: {@code h_t = tanh(a_t)}, {@code J_t = diag(1 - h_t^2) W_rec};
 * or the identity) and no leak, its parameters set to {@code initial_params}. It runs the recorded
 * inputs, compares what the network computes with the file, and forms the cortex gradient of a
 * sequence from the learning signals.
 *
 * <p>Only RNN files: the reference's LSTM Jacobian is not ccsim's exact one (ALGORITHMS §7), so an
 * LSTM file is replayed at the unit level alone ({@code docs/golden.md}).
 */
record GoldenCortex(GoldenFile file, Network network, ParameterSet params) {

  /** ccsim's parameter names and the file's. */
  private static final Map<String, String> NAMES =
      Map.of("W_in", "w_ih", "W_rec", "w_hh", "b", "b", "W_out", "w_out", "b_out", "b_out");

  /** The cortex with the file's own nonlinearity. */
  static GoldenCortex of(GoldenFile file) {
    return of(file, file.nonlinearity());
  }

  /** The cortex with the nonlinearity {@code "tanh"} or {@code "identity"}, whatever the file says. */
  static GoldenCortex of(GoldenFile file, String nonlinearity) {
    if (file.lstm()) {
      throw new IllegalArgumentException(file + ": an LSTM file is replayed at the unit level only (ALGORITHMS §7:"
          + " the reference's LSTM Jacobian is not ccsim's exact one)");
    }
    if (file.config().path("rnn_alpha").asDouble(0) != 0) {
      throw new IllegalArgumentException(file + ": config.rnn_alpha " + file.config().get("rnn_alpha")
          + ", a leak the README's cortex does not have");
    }
    TanhRnnType type = new TanhRnnType();
    Network network = type.create(TestConfigs.of(type, "hidden", file.hidden(), "nonlinearity", nonlinearity),
        new TestBuildContext(1, TestBuildContext.taskOfSize(file.inputs(), file.outputs()), null));
    ParameterSet params = network.initialParameters(TestBuildContext.random(1));
    for (Tensor t : params.tensors()) {
      double[] golden = values(file.initial().get(NAMES.get(t.name())));
      assertEquals(t.data().length, golden.length, file + ": initial_params." + NAMES.get(t.name()));
      System.arraycopy(golden, 0, t.data(), 0, golden.length);
    }
    return new GoldenCortex(file, network, params);
  }

  /**
   * Runs the inputs of a sequence for every example, comparing {@code cell_state} ({@code a_t}),
   * {@code h}, {@code readout} and {@code J} with the file; returns the steps {@code [t][b]}.
   */
  Step[][] run(JsonNode seq) {
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
            new GoldenEpisode(file, seq, b).input(t), s);
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

  /**
   * The live trajectory of the steps {@link #run} made: their h, their immediate gradients from the
   * readout's backward pass (compared with {@code imm_grad}) and the network's own Jacobian products.
   */
  GoldenTrajectory live(JsonNode seq, Step[][] steps) {
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
        new GoldenEpisode(file, seq, b).lossGradient(t, step.y, dLdy);
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
    return new GoldenTrajectory(h, c, jacobians);
  }

  /**
   * The cortex gradient the reference accumulates over a sequence, summed over the batch: the
   * readout's from {@code dl/dy}, the recurrent layer's from {@code (c_t + s g_t) dh_t/dPsi}.
   *
   * @param g the synthesiser's predictions {@code g[t][b]} of this sequence
   */
  ParameterSet gradient(JsonNode seq, Step[][] steps, double[][][] g) {
    ParameterSet grad = params.zerosLike();
    double[] dLdy = new double[file.outputs()];
    double[] c = new double[file.hidden()];
    double[] signal = new double[file.hidden()];
    for (int t = 0; t < steps.length; t++) {
      for (int b = 0; b < file.batch(); b++) {
        new GoldenEpisode(file, seq, b).lossGradient(t, steps[t][b].y, dLdy);
        network.readoutBackward(params, steps[t][b], dLdy, grad, c);
        for (int i = 0; i < c.length; i++) {
          signal[i] = c[i] + file.sgWeight() * g[t][b][i];
        }
        network.accumulateParameterGradient(params, steps[t][b], signal, grad);
      }
    }
    return grad;
  }

  /**
   * Compares {@code factor} times a cortex gradient with {@code rnn_grads_end_of_seq}; the file's
   * readout gradients carry the reference's extra factor 1/O (README), undone here.
   */
  void compareGradient(JsonNode seq, ParameterSet grad, double factor, String at) {
    JsonNode recorded = seq.get("rnn_grads_end_of_seq");
    for (Tensor t : grad.tensors()) {
      double[] expected = values(recorded.get(NAMES.get(t.name())));
      double scale = t.group().equals("readout") ? file.outputs() : 1;
      double[] actual = t.data().clone();
      for (int i = 0; i < expected.length; i++) {
        expected[i] *= scale;
        actual[i] *= factor;
      }
      close(expected, actual, file + " " + at + ": rnn_grads_end_of_seq." + NAMES.get(t.name()));
    }
  }
}
