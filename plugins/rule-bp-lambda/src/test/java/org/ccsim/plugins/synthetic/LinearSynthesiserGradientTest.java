package org.ccsim.plugins.synthetic;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.Tensor;
import org.ccsim.testkit.TestBuildContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A synthesiser's derivatives ({@link Synthesiser#accumulateParameterGradient},
 * {@link JacobianSynthesiser#addParameterJacobian}) against central finite differences of
 * {@link Synthesiser#predict}, with random non-zero parameters. Runs over every synthesiser of
 * {@link SynthesiserCase#all()}, the linear one first.
 */
class LinearSynthesiserGradientTest {

  static final double EPS = 1e-6;
  static final double TOLERANCE = 1e-8;

  static java.util.stream.Stream<SynthesiserCase> synthesisers() {
    return SynthesiserCase.all();
  }

  private record Fixture(JacobianSynthesiser synthesiser, ParameterSet theta, double[] h, double[] v, int n) {

    static Fixture of(SynthesiserCase synthCase, int n) {
      RandomGenerator random = TestBuildContext.random(Objects.hash(synthCase.name(), n));
      JacobianSynthesiser synthesiser = synthCase.create(n);
      ParameterSet theta = synthesiser.initialParameters(random);
      Numerics.randomise(theta, 0.7, random);
      return new Fixture(synthesiser, theta, Numerics.gaussian(n, 1, random), Numerics.gaussian(n, 1, random), n);
    }

    double[] predict() {
      double[] g = new double[n];
      synthesiser.predict(theta, h, g);
      return g;
    }

    /** Central differences of g with respect to the trained value p: column p of dg/dtheta. */
    double[] column(int p) {
      int offset = 0;
      for (Tensor t : TrainedVector.trained(theta)) {
        if (p < offset + t.data().length) {
          double[] data = t.data();
          double saved = data[p - offset];
          data[p - offset] = saved + EPS;
          double[] up = predict();
          data[p - offset] = saved - EPS;
          double[] down = predict();
          data[p - offset] = saved;
          double[] out = new double[n];
          for (int i = 0; i < n; i++) {
            out[i] = (up[i] - down[i]) / (2 * EPS);
          }
          return out;
        }
        offset += t.data().length;
      }
      throw new IllegalArgumentException("no value " + p);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("synthesisers")
  void parameterGradientMatchesFiniteDifferences(SynthesiserCase synthCase) {
    for (int n : new int[] {1, 4, 7}) {
      Fixture f = Fixture.of(synthCase, n);
      ParameterSet grad = f.theta().zerosLike();
      // accumulates: start from a non-zero gradient
      RandomGenerator random = TestBuildContext.random(n);
      Numerics.randomise(grad, 1, random);
      double[] before = Numerics.flat(TrainedVector.trained(grad));
      f.synthesiser().accumulateParameterGradient(f.theta(), f.h(), f.v(), grad);
      double[] after = Numerics.flat(TrainedVector.trained(grad));
      double[] expected = new double[before.length];
      double[] actual = new double[before.length];
      for (int p = 0; p < before.length; p++) {
        double[] column = f.column(p);
        for (int i = 0; i < n; i++) {
          expected[p] += f.v()[i] * column[i];
        }
        actual[p] = after[p] - before[p];
      }
      Numerics.assertClose(expected, actual, TOLERANCE, TOLERANCE, synthCase + " n=" + n + ": v dg/dtheta");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("synthesisers")
  void parameterJacobianMatchesFiniteDifferences(SynthesiserCase synthCase) {
    for (int n : new int[] {1, 4, 7}) {
      Fixture f = Fixture.of(synthCase, n);
      int size = TrainedVector.size(f.theta());
      // adds to the trace: start from a non-zero one
      double[] before = Numerics.gaussian(size * n, 1, TestBuildContext.random(n));
      double[] trace = before.clone();
      f.synthesiser().addParameterJacobian(f.theta(), f.h(), trace);
      double[] expected = new double[size * n];
      double[] actual = new double[size * n];
      for (int p = 0; p < size; p++) {
        double[] column = f.column(p);
        for (int i = 0; i < n; i++) {
          expected[p * n + i] = column[i];
          actual[p * n + i] = trace[p * n + i] - before[p * n + i];
        }
      }
      Numerics.assertClose(expected, actual, TOLERANCE, TOLERANCE, synthCase + " n=" + n + ": traceT = dg/dtheta");
    }
  }
}
