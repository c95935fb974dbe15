package org.ccsim.plugins.lstm;

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
 * The LSTM's exact derivatives of ALGORITHMS §7 (state Jacobian, its products, the immediate parameter
 * Jacobians, the readout) against central finite differences of the forward pass.
 */
class LstmDerivativesTest {

  private static final double H = 1e-6;
  private static final double TOLERANCE = 1e-8;

  /** m, n, k, initialisation. */
  static Stream<Arguments> networks() {
    return Stream.of(Arguments.of(3, 4, 2, true), Arguments.of(1, 1, 1, true), Arguments.of(2, 6, 3, false));
  }

  /** A network with a non-zero state before the step, one recorded step and a random row vector v. */
  private record Fixture(Lstm net, ParameterSet params, double[] sPrev, double[] x, Step step, double[] v) {

    static Fixture of(int m, int n, int k, boolean pytorch) {
      Lstm net = new Lstm(m, n, k, new Lstm.Init(pytorch, 0.5), new JavaCompute());
      RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(m * 100 + n * 10 + k);
      ParameterSet params = net.initialParameters(random);
      for (Tensor t : params.tensors()) {
        for (int i = 0; i < t.data().length; i++) {
          t.data()[i] *= 2; // gates away from their linear middle
        }
      }
      double[] sPrev = fill(new double[2 * n], random);
      double[] x = fill(new double[m], random);
      Step step = net.newStep();
      net.forward(params, sPrev, x, step);
      return new Fixture(net, params, sPrev, x, step, fill(new double[2 * n], random));
    }

    Step after(double[] previous) {
      Step s = net.newStep();
      net.forward(params, previous, x, s);
      return s;
    }

    double vDotState() {
      return dot(v, after(sPrev).h);
    }
  }

  @ParameterizedTest
  @MethodSource("networks")
  void theStateIsHThenCAndTheOutputReadsH(int m, int n, int k, boolean pytorch) {
    Fixture f = Fixture.of(m, n, k, pytorch);
    double[] a = f.step().a;
    for (int j = 0; j < n; j++) {
      double c = a[n + j] * f.sPrev()[n + j] + a[j] * a[2 * n + j];
      assertEquals(c, f.step().h[n + j], 1e-15, "c[" + j + "] = f c_prev + i g");
      assertEquals(a[3 * n + j] * Math.tanh(c), f.step().h[j], 1e-15, "h[" + j + "] = o tanh(c)");
    }
  }

  @ParameterizedTest
  @MethodSource("networks")
  void stateJacobianMatchesFiniteDifferences(int m, int n, int k, boolean pytorch) {
    Fixture f = Fixture.of(m, n, k, pytorch);
    int size = 2 * n;
    double[] jacobian = new double[size * size];
    f.net().stateJacobian(f.params(), f.step(), jacobian);
    for (int j = 0; j < size; j++) {
      double[] plus = f.sPrev().clone();
      double[] minus = f.sPrev().clone();
      plus[j] += H;
      minus[j] -= H;
      double[] up = f.after(plus).h;
      double[] down = f.after(minus).h;
      for (int i = 0; i < size; i++) {
        assertEquals((up[i] - down[i]) / (2 * H), jacobian[i * size + j], TOLERANCE, "J[" + i + "," + j + "]");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("networks")
  void jacobianProductsAgreeWithTheDenseJacobian(int m, int n, int k, boolean pytorch) {
    Fixture f = Fixture.of(m, n, k, pytorch);
    int size = 2 * n;
    double[] jacobian = new double[size * size];
    f.net().stateJacobian(f.params(), f.step(), jacobian);
    double[] vj = new double[size];
    double[] jv = new double[size];
    f.net().stateVjp(f.params(), f.step(), f.v(), vj);
    f.net().stateJvp(f.params(), f.step(), f.v(), jv);
    double[] expectedVj = new double[size];
    double[] expectedJv = new double[size];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        expectedVj[j] += f.v()[i] * jacobian[i * size + j];
        expectedJv[i] += jacobian[i * size + j] * f.v()[j];
      }
    }
    assertArrayEquals(expectedVj, vj, 1e-13);
    assertArrayEquals(expectedJv, jv, 1e-13);
  }

  @ParameterizedTest
  @MethodSource("networks")
  void immediateParameterGradientMatchesFiniteDifferences(int m, int n, int k, boolean pytorch) {
    Fixture f = Fixture.of(m, n, k, pytorch);
    ParameterSet grad = f.params().zerosLike();
    f.net().accumulateParameterGradient(f.params(), f.step(), f.v(), grad);
    for (String name : new String[] {"W_x", "W_h", "b"}) {
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
  void theReadoutReadsHOnly(int m, int n, int k, boolean pytorch) {
    Fixture f = Fixture.of(m, n, k, pytorch);
    double[] dLdy = fill(new double[k], RandomGeneratorFactory.of("L64X128MixRandom").create(7));
    ParameterSet grad = f.params().zerosLike();
    double[] c = fill(new double[2 * n], RandomGeneratorFactory.of("L64X128MixRandom").create(8));
    f.net().readoutBackward(f.params(), f.step(), dLdy, grad, c);
    for (String name : new String[] {"W_out", "b_out"}) {
      double[] p = f.params().get(name).data();
      for (int i = 0; i < p.length; i++) {
        double saved = p[i];
        p[i] = saved + H;
        double up = dot(dLdy, f.after(f.sPrev()).y);
        p[i] = saved - H;
        double down = dot(dLdy, f.after(f.sPrev()).y);
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
      assertEquals(0.0, c[n + j], 0.0, "the loss does not read the cell c[" + j + "]");
    }
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
