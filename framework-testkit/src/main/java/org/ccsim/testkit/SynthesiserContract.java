package org.ccsim.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Config;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.SynthesiserBatch;
import org.ccsim.api.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link org.ccsim.api.SynthesiserType}, sized by the {@link #network()} the test
 * provides: equal seeds give equal parameters and predictions, predictions are finite and of size
 * n, and the derivatives of ALGORITHMS §3 match central finite differences of {@code predict}:
 * {@code v dg/dtheta} and, for a {@link JacobianSynthesiser}, the transposed Jacobian added to a
 * trace, over the trained tensors (at perturbed parameters, so that a zero output layer does not
 * hide a term); and its {@link Synthesiser#newBatch batch} gives what the per-example methods give (predictions, gradients, active fraction),
 * batch after batch.
 */
public abstract class SynthesiserContract extends ComponentContract<Synthesiser> {

  /** Largest relative error accepted between an analytic derivative and finite differences. */
  protected static final double TOLERANCE = 1e-6;

  /** The network whose state the synthesiser reads. */
  @Override
  protected abstract Network network();

  @Test
  void equalSeedsGiveEqualParametersAndFiniteShapedPredictions() {
    for (Config config : configs()) {
      Synthesiser first = create(config, 4);
      ParameterSet theta = first.initialParameters(TestBuildContext.random(5));
      assertEquals(theta, create(config, 4).initialParameters(TestBuildContext.random(5)), "equal streams, equal parameters");
      assertEquals(network().hiddenSize(), first.size(), "size n of the network's state");
      double[] g = new double[first.size()];
      first.predict(theta, NetworkContract.gaussian(first.size(), TestBuildContext.random(6)), g);
      TaskContract.assertFinite(g, "prediction");
    }
  }

  @Test
  void parameterDerivativesMatchFiniteDifferences() {
    for (Config config : configs()) {
      Synthesiser synth = create(config, 4);
      int n = synth.size();
      RandomGenerator random = TestBuildContext.random(7);
      ParameterSet theta = perturbed(synth.initialParameters(random), random);
      double[] h = NetworkContract.gaussian(n, random);
      double[] v = NetworkContract.gaussian(n, random);
      ParameterSet trained = new ParameterSet(theta.group(Synthesiser.TRAINED));
      ParameterSet expected = FiniteDifferences.gradient(trained, p -> NetworkContract.dot(v, predict(synth, theta, h)));
      ParameterSet vdg = theta.zerosLike();
      synth.accumulateParameterGradient(theta, h, v, vdg);
      assertClose(FiniteDifferences.values(new ParameterSet(vdg.group(Synthesiser.TRAINED))),
          FiniteDifferences.values(expected), "accumulateParameterGradient");

      if (synth instanceof JacobianSynthesiser jacobian) {
        double[] expectedValues = FiniteDifferences.values(expected);
        double[] traceT = new double[expectedValues.length * n];
        jacobian.addParameterJacobian(theta, h, traceT);
        double[] vTrace = new double[expectedValues.length];
        for (int p = 0; p < vTrace.length; p++) {
          for (int i = 0; i < n; i++) {
            vTrace[p] += v[i] * traceT[p * n + i];
          }
        }
        assertClose(vTrace, expectedValues, "addParameterJacobian");
      }
    }
  }

  @Test
  void aBatchPredictsAndTrainsAsTheExamplesOneByOne() {
    for (Config config : configs()) {
      Synthesiser synth = create(config, 4);
      int n = synth.size();
      int size = 3;
      RandomGenerator random = TestBuildContext.random(9);
      ParameterSet theta = perturbed(synth.initialParameters(random), random);
      SynthesiserBatch batch = synth.newBatch(size);
      assertEquals(size, batch.size(), "batch size");
      for (int round = 0; round < 2; round++) {
        double[][] h = new double[size][];
        double[][] v = new double[size][];
        double[][] g = new double[size][n];
        ParameterSet expected = theta.zerosLike();
        for (int b = 0; b < size; b++) {
          h[b] = NetworkContract.gaussian(n, random);
          v[b] = NetworkContract.gaussian(n, random);
          synth.accumulateParameterGradient(theta, h[b], v[b], expected);
        }
        batch.predict(theta, h, g);
        for (int b = 0; b < size; b++) {
          assertClose(g[b], predict(synth, theta, h[b]), "round " + round + ", prediction of example " + b);
        }
        ParameterSet actual = theta.zerosLike();
        batch.accumulateParameterGradient(theta, v, actual);
        assertClose(FiniteDifferences.values(new ParameterSet(actual.group(Synthesiser.TRAINED))),
            FiniteDifferences.values(new ParameterSet(expected.group(Synthesiser.TRAINED))),
            "round " + round + ", summed parameter gradient");
        double active = 0;
        for (double[] state : h) {
          active += synth.activeFraction(theta, state) / size;
        }
        double batchActive = batch.activeFraction(theta, h);
        if (Double.isNaN(active)) {
          assertTrue(Double.isNaN(batchActive), "round " + round + ": no hidden units, so no active fraction");
        } else {
          assertEquals(active, batchActive, 1e-12, "round " + round + ", active fraction over the batch");
        }
      }
    }
  }

  /** {@code theta} with Gaussian noise of sd 0.3 on every value. */
  private static ParameterSet perturbed(ParameterSet theta, RandomGenerator random) {
    for (Tensor t : theta.tensors()) {
      for (int i = 0; i < t.data().length; i++) {
        t.data()[i] += 0.3 * random.nextGaussian();
      }
    }
    return theta;
  }

  @Test
  void aSynthesiserLinearInItsTrainedWeightsIsItsReadoutOfItsReadoutInput() {
    for (Config config : configs()) {
      if (!(create(config, 4) instanceof JacobianSynthesiser synth) || !synth.linearInTrainedWeights()) {
        continue;
      }
      int n = synth.size();
      RandomGenerator random = TestBuildContext.random(8);
      ParameterSet theta = synth.initialParameters(random);
      List<Tensor> trained = theta.group(Synthesiser.TRAINED);
      assertEquals(2, trained.size(), "trained tensors: W then b");
      int m = synth.readoutInputs();
      assertEquals(n * m, trained.get(0).data().length, "W is n x m");
      assertEquals(n, trained.get(1).data().length, "b has n values");
      for (Tensor t : trained) {
        for (int i = 0; i < t.data().length; i++) {
          t.data()[i] = random.nextGaussian();
        }
      }
      double[] h = NetworkContract.gaussian(n, random);
      double[] z = new double[m];
      synth.readoutInput(theta, h, z);
      double[] expected = trained.get(1).data().clone();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
          expected[i] += trained.get(0).data()[i * m + j] * z[j];
        }
      }
      assertClose(predict(synth, theta, h), expected, "g = W z(h) + b");
    }
  }

  private static double[] predict(Synthesiser synth, ParameterSet theta, double[] h) {
    double[] g = new double[synth.size()];
    synth.predict(theta, h, g);
    return g;
  }

  private static void assertClose(double[] actual, double[] expected, String what) {
    double error = FiniteDifferences.relativeError(actual, expected);
    assertTrue(error < TOLERANCE, what + ": relative error " + error);
  }
}
