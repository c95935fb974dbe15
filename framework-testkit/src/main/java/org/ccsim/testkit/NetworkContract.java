package org.ccsim.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Config;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.Task;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link org.ccsim.api.NetworkType}: equal seeds give equal parameters and equal
 * trajectories, running an episode again from {@link Network#initialState} repeats it (the network
 * keeps no state), states and outputs are finite and shaped, and every analytic derivative of
 * ALGORITHMS §1 matches central finite differences of {@link Network#forward}: {@code J_t} and its
 * products, the immediate parameter Jacobian, and the readout's backward pass.
 */
public abstract class NetworkContract extends ComponentContract<Network> {

  /** Largest relative error accepted between an analytic derivative and finite differences. */
  protected static final double TOLERANCE = 1e-6;

  /** Sizes the network is built for: 3 inputs and 2 outputs unless overridden. */
  @Override
  protected Task task() {
    return TestBuildContext.taskOfSize(3, 2);
  }

  @Test
  void equalSeedsGiveEqualParametersAndRerunsRepeatTheTrajectory() {
    for (Config config : configs()) {
      Network first = create(config, 3);
      Network second = create(config, 3);
      ParameterSet params = first.initialParameters(TestBuildContext.random(4));
      assertEquals(params, second.initialParameters(TestBuildContext.random(4)), "equal streams, equal parameters");
      double[][] inputs = inputs(first, 5, TestBuildContext.random(6));
      List<Step> run = run(first, params, inputs);
      assertTrajectory(run, run(second, params, inputs));
      run(first, params, inputs(first, 5, TestBuildContext.random(7)));
      assertTrajectory(run, run(first, params, inputs));
    }
  }

  @Test
  void statesAndOutputsAreFiniteAndShaped() {
    for (Config config : configs()) {
      Network network = create(config, 3);
      assertEquals(task().inputSize(), network.inputSize(), "input size from the task");
      assertEquals(task().outputSize(), network.outputSize(), "output size from the task");
      assertEquals(network.hiddenSize(), network.initialState().length, "initial state size");
      ParameterSet params = network.initialParameters(TestBuildContext.random(4));
      params.tensors().forEach(t -> TaskContract.assertFinite(t.data(), t.name()));
      for (Step step : run(network, params, inputs(network, 5, TestBuildContext.random(6)))) {
        assertEquals(network.hiddenSize(), step.h.length);
        assertEquals(network.outputSize(), step.y.length);
        TaskContract.assertFinite(step.h, "h");
        TaskContract.assertFinite(step.y, "y");
      }
    }
  }

  @Test
  void analyticDerivativesMatchFiniteDifferences() {
    for (Config config : configs()) {
      Network net = create(config, 3);
      int n = net.hiddenSize();
      RandomGenerator random = TestBuildContext.random(8);
      ParameterSet params = net.initialParameters(random);
      List<Step> steps = run(net, params, inputs(net, 4, random));
      Step step = steps.get(steps.size() - 1);
      double[] v = gaussian(n, random);
      double[] u = gaussian(n, random);

      // J_t against d h_t / d h_{t-1}, column by column through v.h and row sums
      double[] jacobian = new double[n * n];
      net.stateJacobian(params, step, jacobian);
      double[] vJ = new double[n];
      net.stateVjp(params, step, v, vJ);
      double[] fdVJ = FiniteDifferences.gradient(step.hPrev.clone(), hPrev -> dot(v, forward(net, params, hPrev, step.x).h));
      assertClose(vJ, fdVJ, "stateVjp (v J_t) against finite differences");
      double[] denseVJ = new double[n];
      double[] ju = new double[n];
      double[] denseJu = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          denseVJ[j] += v[i] * jacobian[i * n + j];
          denseJu[i] += jacobian[i * n + j] * u[j];
        }
      }
      assertClose(denseVJ, fdVJ, "stateJacobian against finite differences");
      net.stateJvp(params, step, u, ju);
      assertClose(ju, denseJu, "stateJvp (J_t u) against the dense J_t");

      // v dh_t/dPsi against finite differences of v.h_t over every parameter
      ParameterSet immediate = params.zerosLike();
      net.accumulateParameterGradient(params, step, v, immediate);
      ParameterSet fdImmediate = FiniteDifferences.gradient(params, p -> dot(v, forward(net, p, step.hPrev, step.x).h));
      assertClose(FiniteDifferences.values(immediate), FiniteDifferences.values(fdImmediate), "accumulateParameterGradient against finite differences");

      // readout: dL/dy through W_out, and its parameter gradient, against d(w.y_t)/d(h_{t-1}, Psi)
      double[] w = gaussian(net.outputSize(), random);
      double[] dLdh = new double[n];
      ParameterSet total = params.zerosLike();
      net.readoutBackward(params, step, w, total, dLdh);
      double[] dLdhJ = new double[n];
      net.stateVjp(params, step, dLdh, dLdhJ);
      assertClose(dLdhJ, FiniteDifferences.gradient(step.hPrev.clone(), hPrev -> dot(w, forward(net, params, hPrev, step.x).y)),
          "readoutBackward's dL/dh_t against finite differences");
      net.accumulateParameterGradient(params, step, dLdh, total);
      assertClose(FiniteDifferences.values(total),
          FiniteDifferences.values(FiniteDifferences.gradient(params, p -> dot(w, forward(net, p, step.hPrev, step.x).y))),
          "readoutBackward's parameter gradient against finite differences");
    }
  }

  private static void assertClose(double[] actual, double[] expected, String what) {
    double error = FiniteDifferences.relativeError(actual, expected);
    assertTrue(error < TOLERANCE, what + ": relative error " + error);
  }

  private static void assertTrajectory(List<Step> expected, List<Step> actual) {
    for (int t = 0; t < expected.size(); t++) {
      assertArrayEquals(expected.get(t).h, actual.get(t).h, "h at step " + t);
      assertArrayEquals(expected.get(t).y, actual.get(t).y, "y at step " + t);
    }
  }

  private static Step forward(Network net, ParameterSet params, double[] hPrev, double[] x) {
    Step step = net.newStep();
    net.forward(params, hPrev, x, step);
    return step;
  }

  private static List<Step> run(Network net, ParameterSet params, double[][] inputs) {
    List<Step> steps = new ArrayList<>();
    double[] h = net.initialState();
    for (double[] x : inputs) {
      Step step = forward(net, params, h, x);
      steps.add(step);
      h = step.h;
    }
    return steps;
  }

  private static double[][] inputs(Network net, int length, RandomGenerator random) {
    double[][] x = new double[length][];
    for (int t = 0; t < length; t++) {
      x[t] = gaussian(net.inputSize(), random);
    }
    return x;
  }

  static double[] gaussian(int size, RandomGenerator random) {
    double[] v = new double[size];
    for (int i = 0; i < size; i++) {
      v[i] = random.nextGaussian();
    }
    return v;
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
