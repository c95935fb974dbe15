package org.ccsim.plugins.synthetic;

import static org.ccsim.plugins.synthetic.GoldenFile.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the BP(lambda) learner is fed for one golden sequence, indexed {@code [t][b]}: the states
 * {@code h_t}, the immediate loss gradients {@code c_t} and the Jacobians {@code J_t}, each over the
 * file's whole state ({@link GoldenFile#state()}).
 */
record GoldenTrajectory(double[][][] h, double[][][] c, StateJacobian[][] jacobians) {

  /**
   * The recorded {@code h}, {@code imm_grad} (zeros where it is null: no target) and {@code J} of a
   * sequence, as {@code golden/README.md} ("unit level") uses them; checks their sizes against the
   * state.
   */
  static GoldenTrajectory recorded(GoldenFile file, JsonNode seq) {
    JsonNode steps = seq.get("steps");
    int length = steps.size();
    int n = file.state();
    int batch = file.batch();
    double[][][] h = new double[length][batch][];
    double[][][] c = new double[length][batch][];
    StateJacobian[][] jacobians = new StateJacobian[length][batch];
    for (int t = 0; t < length; t++) {
      JsonNode step = steps.get(t);
      String at = file + " sequence " + seq.get("seq") + " step " + t + ", state of " + n + ": ";
      for (int b = 0; b < batch; b++) {
        h[t][b] = sized(row(step.get("h"), b), n, at + "h[" + b + "]");
        c[t][b] = step.get("imm_grad").isNull() ? new double[n]
            : sized(row(step.get("imm_grad"), b), n, at + "imm_grad[" + b + "]");
        jacobians[t][b] = Numerics.dense(sized(row(step.get("J"), b), n * n, at + "J[" + b + "]"), n);
      }
    }
    return new GoldenTrajectory(h, c, jacobians);
  }

  private static double[] sized(double[] values, int size, String what) {
    assertEquals(size, values.length, what + ": number of values");
    return values;
  }
}
