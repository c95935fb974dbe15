package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.fail;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;

/** Comparison and small linear-algebra helpers shared by the tests of this plugin. */
final class Numerics {

  private Numerics() {
  }

  /**
   * Asserts {@code |actual - expected| <= relative * |expected| + absolute} element by element. The
   * absolute floor only matters for entries that are (near) zero.
   */
  static void assertClose(double[] expected, double[] actual, double relative, double absolute, String what) {
    if (expected.length != actual.length) {
      fail(what + ": " + actual.length + " values, expected " + expected.length);
    }
    for (int i = 0; i < expected.length; i++) {
      double error = Math.abs(actual[i] - expected[i]);
      if (!(error <= relative * Math.abs(expected[i]) + absolute)) {
        fail(String.format("%s[%d]: expected %.17g but was %.17g (relative error %.3g)", what, i, expected[i],
            actual[i], error / Math.max(Math.abs(expected[i]), Double.MIN_NORMAL)));
      }
    }
  }

  /** The largest {@code |a_i - b_i|} divided by the largest {@code |b_i|} (a norm-wise relative error). */
  static double relativeError(double[] actual, double[] expected) {
    double error = 0;
    double scale = 0;
    for (int i = 0; i < expected.length; i++) {
      error = Math.max(error, Math.abs(actual[i] - expected[i]));
      scale = Math.max(scale, Math.abs(expected[i]));
    }
    return scale == 0 ? error : error / scale;
  }

  /** Every value of a parameter set, tensor after tensor. */
  static double[] flat(ParameterSet set) {
    return flat(set.tensors());
  }

  /** Every value of the tensors, one after the other. */
  static double[] flat(List<Tensor> tensors) {
    double[] out = new double[tensors.stream().mapToInt(t -> t.data().length).sum()];
    int offset = 0;
    for (Tensor t : tensors) {
      System.arraycopy(t.data(), 0, out, offset, t.data().length);
      offset += t.data().length;
    }
    return out;
  }

  /** A dense Jacobian (n x n, row-major) as products. */
  static StateJacobian dense(double[] j, int n) {
    double[] matrix = j.clone();
    return new StateJacobian() {
      @Override
      public void vjp(double[] v, double[] out) {
        for (int c = 0; c < n; c++) {
          double s = 0;
          for (int r = 0; r < n; r++) {
            s += v[r] * matrix[r * n + c];
          }
          out[c] = s;
        }
      }

      @Override
      public void jvp(double[] u, double[] out) {
        for (int r = 0; r < n; r++) {
          double s = 0;
          for (int c = 0; c < n; c++) {
            s += matrix[r * n + c] * u[c];
          }
          out[r] = s;
        }
      }
    };
  }

  /** Standard normal values scaled by {@code scale}. */
  static double[] gaussian(int size, double scale, RandomGenerator random) {
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = scale * random.nextGaussian();
    }
    return out;
  }

  /** Fills every trained tensor of {@code theta} with N(0, scale^2) values. */
  static void randomise(ParameterSet theta, double scale, RandomGenerator random) {
    for (Tensor t : theta.tensors()) {
      double[] data = t.data();
      for (int i = 0; i < data.length; i++) {
        data[i] = scale * random.nextGaussian();
      }
    }
  }
}
