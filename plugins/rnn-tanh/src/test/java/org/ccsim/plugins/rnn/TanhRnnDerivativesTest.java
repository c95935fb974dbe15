package org.ccsim.plugins.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Stream;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.Tensor;
import org.ccsim.core.compute.JavaCompute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analytic derivatives of ALGORITHMS §1, and of §7's leaky network (alpha < 1), against central finite
 * differences of the forward pass.
 */
class TanhRnnDerivativesTest {

  private static final double H = 1e-6;
  private static final double TOLERANCE = 1e-8;

  static Stream<Arguments> networks() {
    return Stream.of(
        Arguments.of(3, 5, 2, TanhRnn.Nonlinearity.TANH, 1.0),
        Arguments.of(1, 1, 1, TanhRnn.Nonlinearity.TANH, 1.0),
        Arguments.of(4, 8, 3, TanhRnn.Nonlinearity.TANH, 1.0),
        Arguments.of(3, 5, 2, TanhRnn.Nonlinearity.IDENTITY, 1.0),
        Arguments.of(3, 5, 2, TanhRnn.Nonlinearity.TANH, 0.3),
        Arguments.of(1, 1, 1, TanhRnn.Nonlinearity.TANH, 0.5),
        Arguments.of(4, 8, 3, TanhRnn.Nonlinearity.IDENTITY, 0.1));
  }

  /** A network with non-zero biases, one recorded step, and a random row vector v. */
  private record Fixture(TanhRnn net, ParameterSet params, double[] hPrev, double[] x, Step step, double[] v) {

    static Fixture of(int m, int n, int k, TanhRnn.Nonlinearity phi, double alpha) {
      TanhRnn net = new TanhRnn(m, n, k, phi, alpha, new TanhRnn.Init(false, 1, 1.2, 0, 1),
        new JavaCompute());
      RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(m * 100 + n * 10 + k);
      ParameterSet params = net.initialParameters(random);
      for (Tensor t : params.tensors()) {
        if (t.name().startsWith("b")) {
          fill(t.data(), random);
        }
      }
      double[] hPrev = fill(new double[n], random);
      double[] x = fill(new double[m], random);
      Step step = net.newStep();
      net.forward(params, hPrev, x, step);
      return new Fixture(net, params, hPrev, x, step, fill(new double[n], random));
    }

    double[] stateAfter(double[] previous) {
      Step s = net.newStep();
      net.forward(params, previous, x, s);
      return s.h;
    }

    double vDotState() {
      return dot(v, stateAfter(hPrev));
    }
  }

  @ParameterizedTest
  @MethodSource("networks")
  void stateJacobianMatchesFiniteDifferences(int m, int n, int k, TanhRnn.Nonlinearity phi, double alpha) {
    Fixture f = Fixture.of(m, n, k, phi, alpha);
    double[] jacobian = new double[n * n];
    f.net().stateJacobian(f.params(), f.step(), jacobian);
    for (int j = 0; j < n; j++) {
      double[] plus = f.hPrev().clone();
      double[] minus = f.hPrev().clone();
      plus[j] += H;
      minus[j] -= H;
      double[] up = f.stateAfter(plus);
      double[] down = f.stateAfter(minus);
      for (int i = 0; i < n; i++) {
        assertEquals((up[i] - down[i]) / (2 * H), jacobian[i * n + j], TOLERANCE, "J[" + i + "," + j + "]");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("networks")
  void jacobianProductsAgreeWithTheDenseJacobian(int m, int n, int k, TanhRnn.Nonlinearity phi, double alpha) {
    Fixture f = Fixture.of(m, n, k, phi, alpha);
    double[] jacobian = new double[n * n];
    f.net().stateJacobian(f.params(), f.step(), jacobian);
    double[] vj = new double[n];
    double[] jv = new double[n];
    f.net().stateVjp(f.params(), f.step(), f.v(), vj);
    f.net().stateJvp(f.params(), f.step(), f.v(), jv);
    double[] expectedVj = new double[n];
    double[] expectedJv = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        expectedVj[j] += f.v()[i] * jacobian[i * n + j];
        expectedJv[i] += jacobian[i * n + j] * f.v()[j];
      }
    }
    assertArrayEquals(expectedVj, vj, 1e-14);
    assertArrayEquals(expectedJv, jv, 1e-14);
  }

  @ParameterizedTest
  @MethodSource("networks")
  void immediateParameterGradientMatchesFiniteDifferences(int m, int n, int k, TanhRnn.Nonlinearity phi, double alpha) {
    Fixture f = Fixture.of(m, n, k, phi, alpha);
    ParameterSet grad = f.params().zerosLike();
    f.net().accumulateParameterGradient(f.params(), f.step(), f.v(), grad);
    for (String name : new String[] {"W_in", "W_rec", "b"}) {
      double[] p = f.params().get(name).data();
      for (int i = 0; i < p.length; i++) {
        double saved = p[i];
        p[i] = saved + H;
        double up = f.vDotState();
        p[i] = saved - H;
        double down = f.vDotState();
        p[i] = saved;
        assertEquals((up - down) / (2 * H), grad.get(name).data()[i], TOLERANCE, name + "[" + i + "]");
      }
    }
    assertArrayEquals(new double[k * n], grad.get("W_out").data(), 0.0, "the readout is not touched");
  }

  @ParameterizedTest
  @MethodSource("networks")
  void readoutBackwardMatchesFiniteDifferences(int m, int n, int k, TanhRnn.Nonlinearity phi, double alpha) {
    Fixture f = Fixture.of(m, n, k, phi, alpha);
    double[] dLdy = fill(new double[k], RandomGeneratorFactory.of("L64X128MixRandom").create(7));
    ParameterSet grad = f.params().zerosLike();
    double[] c = new double[n];
    f.net().readoutBackward(f.params(), f.step(), dLdy, grad, c);
    for (String name : new String[] {"W_out", "b_out"}) {
      double[] p = f.params().get(name).data();
      for (int i = 0; i < p.length; i++) {
        double saved = p[i];
        p[i] = saved + H;
        double up = dot(dLdy, output(f));
        p[i] = saved - H;
        double down = dot(dLdy, output(f));
        p[i] = saved;
        assertEquals((up - down) / (2 * H), grad.get(name).data()[i], TOLERANCE, name + "[" + i + "]");
      }
    }
    double[] wOut = f.params().get("W_out").data();
    for (int j = 0; j < n; j++) {
      double expected = 0;
      for (int o = 0; o < k; o++) {
        expected += dLdy[o] * wOut[o * n + j];
      }
      assertEquals(expected, c[j], 1e-14, "c[" + j + "] = (dl/dy W_out)[" + j + "]");
    }
  }

  @ParameterizedTest
  @MethodSource("networks")
  void theLeakyStateMixesThePreviousStateWithTheRate(int m, int n, int k, TanhRnn.Nonlinearity phi, double alpha) {
    Fixture leaky = Fixture.of(m, n, k, phi, alpha);
    Fixture plain = Fixture.of(m, n, k, phi, 1.0);
    for (int i = 0; i < n; i++) {
      double expected = (1 - alpha) * leaky.hPrev()[i] + alpha * plain.step().h[i];
      assertEquals(expected, leaky.step().h[i], 1e-15, "h[" + i + "]");
    }
  }

  private static double[] output(Fixture f) {
    Step s = f.net().newStep();
    f.net().forward(f.params(), f.hPrev(), f.x(), s);
    return s.y;
  }

  private static double[] fill(double[] values, RandomGenerator random) {
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble(-1, 1);
    }
    return values;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
