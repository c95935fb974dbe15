package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.Optimiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.core.optim.Sgd;
import org.ccsim.plugins.synthesisers.LinearSynthesiser;
import org.ccsim.plugins.synthetic.SyntheticFixtures.RecordingOptimiser;
import org.ccsim.plugins.synthetic.bplambda.BpLambda;
import org.ccsim.plugins.synthetic.bplambda.TraceForm;
import org.ccsim.testkit.RecordingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two updates beyond the plain gradient (docs/ALGORITHMS.md §9): the
 * preconditioned update is the Gauss-Newton step of a quadratic problem (one step from anywhere
 * lands on its least-squares solution, computed here by QR); least squares reaches the fixed point of
 * BP(lambda), where the summed update of the accumulated episodes vanishes; with a huge ridge both
 * are the plain update divided by it.
 */
class SynthesiserUpdateTest {

  private static final int N = 3;
  private static final int EXAMPLES = 20;

  private final RandomGenerator random = TestBuildContext.random(71);
  private final JacobianSynthesiser linear = new LinearSynthesiser(N, Learners.JAVA);

  @Test
  void onePreconditionedStepOfRateOneLandsOnTheLeastSquaresFit() {
    double[][] h = states();
    double[][] y = states();
    ParameterSet theta = randomTheta();
    List<Tensor> gradient = meanSquaredErrorGradient(theta, h, y);
    KroneckerPreconditioner preconditioner = new KroneckerPreconditioner(linear, theta, 1, 1e-12);
    preconditioner.observe(h);
    preconditioner.precondition(gradient);
    ParameterSet stepped = theta.copy();
    stepped.addScaled(new ParameterSet(gradient), -1);

    DMatrixRMaj inputs = new DMatrixRMaj(EXAMPLES, N + 1);
    DMatrixRMaj targets = new DMatrixRMaj(EXAMPLES, N);
    for (int k = 0; k < EXAMPLES; k++) {
      for (int j = 0; j < N; j++) {
        inputs.set(k, j, h[k][j]);
        targets.set(k, j, y[k][j]);
      }
      inputs.set(k, N, 1);
    }
    DMatrixRMaj fit = new DMatrixRMaj(N + 1, N);
    LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquares(EXAMPLES, N + 1);
    assertTrue(qr.setA(inputs));
    qr.solve(targets, fit);
    double[] expected = new double[N * N + N];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        expected[i * N + j] = fit.get(j, i);
      }
      expected[N * N + i] = fit.get(N, i);
    }
    double error = Numerics.relativeError(Numerics.flat(stepped), expected);
    assertTrue(error < 1e-8, "Gauss-Newton step against the QR fit: relative error " + error);
  }

  @Test
  void theRunningCovarianceMixesEachUpdatesStatesByTheRate() {
    double rate = 0.3;
    double ridge = 1e-3;
    ParameterSet theta = randomTheta();
    KroneckerPreconditioner preconditioner = new KroneckerPreconditioner(linear, theta, rate, ridge);
    double[][] first = states();
    double[][] second = states();
    preconditioner.observe(first);
    preconditioner.precondition(meanSquaredErrorGradient(theta, first, states()));
    preconditioner.observe(second);
    List<Tensor> direction = meanSquaredErrorGradient(theta, second, states());
    double[] plain = Numerics.flat(direction);
    preconditioner.precondition(direction);

    double[][] covariance = new double[N + 1][N + 1];
    addMeanOuter(covariance, first, 1 - rate);
    addMeanOuter(covariance, second, rate);
    double[] scaled = Numerics.flat(direction);
    double[] recovered = new double[plain.length];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j <= N; j++) {
        double sum = 0;
        for (int k = 0; k <= N; k++) {
          sum += at(scaled, i, k) * (covariance[k][j] + (k == j ? ridge : 0));
        }
        recovered[j < N ? i * N + j : N * N + i] = sum;
      }
    }
    double error = Numerics.relativeError(recovered, plain);
    assertTrue(error < 1e-10, "U' (C + eps I) = U with C = 0.7 C_1 + 0.3 C_2: relative error " + error);
  }

  @Test
  void aHugeRidgeMakesThePreconditionedUpdateThePlainOneDividedByIt() {
    ParameterSet theta = randomTheta();
    double[][] h = states();
    List<Tensor> direction = meanSquaredErrorGradient(theta, h, states());
    double[] plain = Numerics.flat(direction);
    KroneckerPreconditioner preconditioner = new KroneckerPreconditioner(linear, theta, 1, 1e9);
    preconditioner.observe(h);
    preconditioner.precondition(direction);
    double[] scaled = Numerics.flat(direction);
    for (int k = 0; k < scaled.length; k++) {
      scaled[k] *= 1e9;
    }
    double error = Numerics.relativeError(scaled, plain);
    assertTrue(error < 1e-7, "eps U (C + eps I)^{-1} -> U: relative error " + error);
  }

  /** With a linear synthesiser (m = n) and a cerebellum of 8 granule cells (m = 2 n, P = 4 x 9). */
  @ParameterizedTest(name = "lambda {0}, gamma {1}, cerebellum {2}")
  @CsvSource({"1, 1, false", "0.5, 0.9, false", "0, 1, false", "0.9, 1, true"})
  void leastSquaresReachesTheFixedPointWhereTheSummedUpdateVanishes(double lambda, double gamma, boolean cerebellum) {
    TestCortex cortex = TestCortex.of(2, 4, 2, "tanh", 73);
    JacobianSynthesiser synthesiser = cerebellum ? SyntheticFixtures.cerebellum(4, "expansion", 2, "fanIn", 2)
        : new LinearSynthesiser(4, Learners.JAVA);
    List<Episode> batch = cortex.episodes(6, 8, random);
    ParameterSet theta = synthesiser.initialParameters(random);
    ParameterSet zero = theta.copy();
    train(cortex, synthesiser, theta, lambda, gamma, new SynthesiserUpdate(SynthesiserUpdate.Method.LEAST_SQUARES, 0,
        1e-12, 1, 1), new Sgd(1), batch);

    double[] atSolution = plainGradient(cortex, synthesiser, theta, lambda, gamma, batch);
    double[] atZero = plainGradient(cortex, synthesiser, zero, lambda, gamma, batch);
    double ratio = norm(atSolution) / norm(atZero);
    assertTrue(norm(atZero) > 1e-3, "the plain update at theta = 0 is not zero: " + norm(atZero));
    assertTrue(ratio < 1e-7, "|sum delta e| at the least-squares theta / at theta = 0: " + ratio);
  }

  @Test
  void aHugeRidgeMakesTheLeastSquaresStepThePlainUpdateDividedByIt() {
    TestCortex cortex = TestCortex.of(2, 4, 2, "tanh", 79);
    JacobianSynthesiser synthesiser = new LinearSynthesiser(4, Learners.JAVA);
    List<Episode> batch = cortex.episodes(5, 7, random);
    ParameterSet theta = synthesiser.initialParameters(random);
    Numerics.randomise(theta, 0.3, random);
    double ridge = 1e9;
    RecordingOptimiser steps = new RecordingOptimiser();
    train(cortex, synthesiser, theta.copy(), 0.7, 0.9, new SynthesiserUpdate(SynthesiserUpdate.Method.LEAST_SQUARES, 0,
        ridge, 0, 1), steps, batch);
    double[] scaled = Numerics.flat(steps.gradients.get(0));
    for (int k = 0; k < scaled.length; k++) {
      scaled[k] *= ridge;
    }
    double[] plain = plainGradient(cortex, synthesiser, theta, 0.7, 0.9, batch);
    double error = Numerics.relativeError(scaled, plain);
    assertTrue(error < 1e-6, "eps (theta - theta*) against the plain handed gradient: relative error " + error);
  }

  /** One batch of BP(lambda) on a frozen cortex, the synthesiser stepped by {@code optimiser}. */
  private static void train(TestCortex cortex, JacobianSynthesiser synthesiser, ParameterSet theta, double lambda,
      double gamma, SynthesiserUpdate update, Optimiser optimiser, List<Episode> batch) {
    BpLambda rule = new BpLambda(cortex.network(), synthesiser, theta, Learners.JAVA, WorkSharing.COMMON,
        new BpLambda.Settings(lambda, gamma, 1, Double.POSITIVE_INFINITY, false, TraceForm.TRACE, 0, false), update);
    rule.train(batch, RecordingTrainingContext.applying(cortex.params(), 0)
        .training(SyntheticFixtures.synthesiserGroup(theta, optimiser)));
  }

  /** The gradient plain BP(lambda) hands its synthesiser's optimiser for {@code batch} at {@code theta}. */
  private static double[] plainGradient(TestCortex cortex, JacobianSynthesiser synthesiser, ParameterSet theta,
      double lambda, double gamma, List<Episode> batch) {
    RecordingOptimiser recorder = new RecordingOptimiser();
    train(cortex, synthesiser, theta, lambda, gamma, SynthesiserUpdate.GRADIENT, recorder, batch);
    return Numerics.flat(recorder.gradients.get(0));
  }

  private double[][] states() {
    double[][] states = new double[EXAMPLES][];
    for (int k = 0; k < EXAMPLES; k++) {
      states[k] = Numerics.gaussian(N, 1, random);
    }
    return states;
  }

  private ParameterSet randomTheta() {
    ParameterSet theta = linear.initialParameters(random);
    Numerics.randomise(theta, 1, random);
    return theta;
  }

  /** The gradient of {@code mean_k 1/2 ||W h_k + b - y_k||^2} over W and b. */
  private List<Tensor> meanSquaredErrorGradient(ParameterSet theta, double[][] h, double[][] y) {
    ParameterSet gradient = theta.zerosLike();
    double[] g = new double[N];
    for (int k = 0; k < h.length; k++) {
      linear.predict(theta, h[k], g);
      for (int i = 0; i < N; i++) {
        g[i] = (g[i] - y[k][i]) / h.length;
      }
      linear.accumulateParameterGradient(theta, h[k], g, gradient);
    }
    return TrainedVector.trained(gradient);
  }

  private static void addMeanOuter(double[][] into, double[][] h, double weight) {
    for (double[] state : h) {
      for (int i = 0; i <= N; i++) {
        for (int j = 0; j <= N; j++) {
          into[i][j] += weight * (i < N ? state[i] : 1) * (j < N ? state[j] : 1) / h.length;
        }
      }
    }
  }

  /** Entry (i, j) of {@code Theta = [W | b]} in the flat trained order. */
  private static double at(double[] flat, int i, int j) {
    return flat[j < N ? i * N + j : N * N + i];
  }

  private static double norm(double[] values) {
    double squares = 0;
    for (double v : values) {
      squares += v * v;
    }
    return Math.sqrt(squares);
  }
}
