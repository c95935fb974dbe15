package org.ccsim.plugins.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.Tensor;
import org.ccsim.core.compute.JavaCompute;
import org.ccsim.testkit.FiniteDifferences;
import org.ccsim.testkit.TestBuildContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the network contract (LstmContractTest: products, parameter Jacobians and readout against
 * finite differences) does not check of ALGORITHMS §7: the state is {@code [h; c]} with the LSTM's
 * equations, every entry of the 2n x 2n Jacobian equals central finite differences, and the loss
 * reads {@code h} only.
 */
class LstmDerivativesTest {

  private static final double TOLERANCE = 1e-8;

  /** m, n, k, initialisation. */
  static Stream<Arguments> networks() {
    return Stream.of(Arguments.of(3, 4, 2, true), Arguments.of(1, 1, 1, true), Arguments.of(2, 6, 3, false));
  }

  /** A network with gates away from their linear middle, a non-zero state before the step, and the step. */
  private record Fixture(Lstm net, ParameterSet params, double[] sPrev, double[] x, Step step) {

    static Fixture of(int m, int n, int k, boolean pytorch) {
      Lstm net = new Lstm(m, n, k, new Lstm.Init(pytorch, 0.5), new JavaCompute());
      RandomGenerator random = TestBuildContext.random(m * 100L + n * 10L + k);
      ParameterSet params = net.initialParameters(random);
      for (Tensor t : params.tensors()) {
        for (int i = 0; i < t.data().length; i++) {
          t.data()[i] *= 2;
        }
      }
      double[] sPrev = random.doubles(2L * n, -1, 1).toArray();
      double[] x = random.doubles(m, -1, 1).toArray();
      return new Fixture(net, params, sPrev, x, after(net, params, sPrev, x));
    }

    static Step after(Lstm net, ParameterSet params, double[] previous, double[] x) {
      Step s = net.newStep();
      net.forward(params, previous, x, s);
      return s;
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
  void everyEntryOfTheStateJacobianMatchesFiniteDifferences(int m, int n, int k, boolean pytorch) {
    Fixture f = Fixture.of(m, n, k, pytorch);
    int size = 2 * n;
    double[] jacobian = new double[size * size];
    f.net().stateJacobian(f.params(), f.step(), jacobian);
    for (int i = 0; i < size; i++) {
      int row = i;
      double[] numeric = FiniteDifferences.gradient(f.sPrev().clone(),
          previous -> Fixture.after(f.net(), f.params(), previous, f.x()).h[row]);
      for (int j = 0; j < size; j++) {
        assertEquals(numeric[j], jacobian[i * size + j], TOLERANCE, "J[" + i + "," + j + "]");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("networks")
  void theLossDoesNotReadTheCell(int m, int n, int k, boolean pytorch) {
    Fixture f = Fixture.of(m, n, k, pytorch);
    double[] dLdh = new double[2 * n];
    Arrays.fill(dLdh, 7.0);
    f.net().readoutBackward(f.params(), f.step(), new double[k], f.params().zerosLike(), dLdh);
    assertArrayEquals(new double[n], Arrays.copyOfRange(dLdh, n, 2 * n), 0.0, "dl/dc_t = 0");
  }
}
