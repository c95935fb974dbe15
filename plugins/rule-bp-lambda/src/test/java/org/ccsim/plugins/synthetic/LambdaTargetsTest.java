package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.testkit.TestBuildContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ALGORITHMS §6.3: with lambda = gamma = 1 the lambda-return targets are the true future gradients
 * {@code G*_t} of BPTT whatever the predictions g are (and with lambda = 1, gamma &lt; 1 the
 * discounted ones). {@code G*_t} is computed here from the network directly, by the backward
 * recursion over dense Jacobians and, independently of any derivative code, by central finite
 * differences of the future loss with respect to {@code h_t}. The cortex is a tanh or identity RNN
 * of 4 units, or an LSTM of 2 units whose state {@code [h_t; c_t]} (4 values) is what the targets,
 * the Jacobians and the perturbed state of the finite differences refer to.
 */
class LambdaTargetsTest {

  static final int INPUTS = 3;
  static final int HIDDEN = 4;
  static final int OUTPUTS = 2;
  static final int STEPS = 7;

  /** One episode run through the network, with everything recorded. */
  private record Run(TestCortex cortex, Episode episode, Step[] steps, double[][] c, double[][] jacobians) {

    static Run of(String phi, long seed) {
      TestCortex cortex = TestCortex.of(INPUTS, HIDDEN, OUTPUTS, phi, seed);
      Network network = cortex.network();
      ParameterSet params = cortex.params();
      Episode episode = cortex.episodes(1, STEPS, TestBuildContext.random(seed + 1)).get(0);
      Step[] steps = new Step[STEPS];
      double[][] c = new double[STEPS][HIDDEN];
      double[][] jacobians = new double[STEPS][HIDDEN * HIDDEN];
      double[] dLdy = new double[OUTPUTS];
      ParameterSet ignored = params.zerosLike();
      for (int t = 0; t < STEPS; t++) {
        steps[t] = network.newStep();
        network.forward(params, t == 0 ? network.initialState() : steps[t - 1].h, episode.input(t), steps[t]);
        episode.lossGradient(t, steps[t].y, dLdy);
        network.readoutBackward(params, steps[t], dLdy, ignored, c[t]);
        network.stateJacobian(params, steps[t], jacobians[t]);
      }
      return new Run(cortex, episode, steps, c, jacobians);
    }

    StateJacobian[] denseJacobians() {
      StateJacobian[] out = new StateJacobian[STEPS];
      for (int t = 0; t < STEPS; t++) {
        out[t] = Numerics.dense(jacobians[t], HIDDEN);
      }
      return out;
    }

    /** {@code G*_{T-1} = 0, G*_t = (c_{t+1} + gamma G*_{t+1}) J_{t+1}}, by explicit matrix products. */
    double[][] futureGradients(double gamma) {
      double[][] future = new double[STEPS][HIDDEN];
      for (int t = STEPS - 2; t >= 0; t--) {
        for (int j = 0; j < HIDDEN; j++) {
          double s = 0;
          for (int i = 0; i < HIDDEN; i++) {
            s += (c[t + 1][i] + gamma * future[t + 1][i]) * jacobians[t + 1][i * HIDDEN + j];
          }
          future[t][j] = s;
        }
      }
      return future;
    }

    /** {@code sum_{s > t} gamma^{s-t-1} l_s} when the state at step t is replaced by {@code h}. */
    double futureLoss(int t, double[] h, double gamma) {
      Network network = cortex.network();
      double[] state = h;
      double loss = 0;
      double weight = 1;
      for (int s = t + 1; s < STEPS; s++) {
        Step step = network.newStep();
        network.forward(cortex.params(), state, episode.input(s), step);
        loss += weight * episode.loss(s, step.y);
        weight *= gamma;
        state = step.h;
      }
      return loss;
    }
  }

  @ParameterizedTest(name = "{0}, gamma {1}, seed {2}")
  @CsvSource({"tanh, 1, 11", "tanh, 1, 12", "identity, 1, 13", "tanh, 0.9, 14", "identity, 0.8, 15", "lstm, 1, 16",
      "lstm, 0.9, 17"})
  void withLambdaOneTheTargetsAreTheBpttFutureGradientsForAnyPrediction(String phi, double gamma, long seed) {
    Run run = Run.of(phi, seed);
    double[][] exact = run.futureGradients(gamma);
    RandomGenerator random = TestBuildContext.random(seed);
    for (double scale : new double[] {0, 1, 100}) {
      double[][] g = new double[STEPS][];
      for (int t = 0; t < STEPS; t++) {
        g[t] = Numerics.gaussian(HIDDEN, scale, random);
      }
      double[][] targets = LambdaTargets.of(run.c(), g, run.denseJacobians(), 1, gamma);
      for (int t = 0; t < STEPS; t++) {
        Numerics.assertClose(exact[t], targets[t], 1e-12, 1e-14, "G[" + t + "] with g of scale " + scale);
      }
    }
    assertTrue(List.of(exact).stream().anyMatch(v -> Math.abs(v[0]) > 1e-3), "non-trivial future gradients");
  }

  @ParameterizedTest(name = "{0}, gamma {1}, seed {2}")
  @CsvSource({"tanh, 1, 21", "identity, 1, 22", "tanh, 0.9, 23", "lstm, 1, 24", "lstm, 0.8, 25"})
  void theBpttFutureGradientsAreTheDerivativesOfTheFutureLoss(String phi, double gamma, long seed) {
    Run run = Run.of(phi, seed);
    double[][] targets = LambdaTargets.of(run.c(), new double[STEPS][HIDDEN], run.denseJacobians(), 1, gamma);
    double eps = 1e-5;
    for (int t = 0; t < STEPS; t++) {
      double[] numeric = new double[HIDDEN];
      for (int j = 0; j < HIDDEN; j++) {
        double[] up = run.steps()[t].h.clone();
        double[] down = run.steps()[t].h.clone();
        up[j] += eps;
        down[j] -= eps;
        numeric[j] = (run.futureLoss(t, up, gamma) - run.futureLoss(t, down, gamma)) / (2 * eps);
      }
      Numerics.assertClose(numeric, targets[t], 1e-6, 1e-8, "G*[" + t + "] vs finite differences");
    }
  }

  @ParameterizedTest(name = "gamma {0}")
  @CsvSource({"1", "0.9"})
  void withLambdaZeroTheTargetsBootstrapOneStep(double gamma) {
    Run run = Run.of("tanh", 31);
    RandomGenerator random = TestBuildContext.random(32);
    double[][] g = new double[STEPS][];
    for (int t = 0; t < STEPS; t++) {
      g[t] = Numerics.gaussian(HIDDEN, 1, random);
    }
    double[][] targets = LambdaTargets.of(run.c(), g, run.denseJacobians(), 0, gamma);
    for (int t = 0; t < STEPS - 1; t++) {
      double[] expected = new double[HIDDEN];
      for (int j = 0; j < HIDDEN; j++) {
        for (int i = 0; i < HIDDEN; i++) {
          expected[j] += (run.c()[t + 1][i] + gamma * g[t + 1][i]) * run.jacobians()[t + 1][i * HIDDEN + j];
        }
      }
      Numerics.assertClose(expected, targets[t], 1e-12, 1e-14, "G^0[" + t + "]");
    }
    Numerics.assertClose(new double[HIDDEN], targets[STEPS - 1], 0, 0, "the final step's target");
  }
}
