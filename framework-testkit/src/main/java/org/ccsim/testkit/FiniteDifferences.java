package org.ccsim.testkit;

import java.util.function.ToDoubleFunction;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;

/** Central finite differences, and the relative error the contract kit compares them with. */
public final class FiniteDifferences {

  /** The step h of {@code (f(x + h) - f(x - h)) / 2h}. */
  public static final double STEP = 1e-6;

  private FiniteDifferences() {
  }

  /** {@code df/dx_i} for every i; {@code x} is changed while f runs and restored. */
  public static double[] gradient(double[] x, ToDoubleFunction<double[]> f) {
    double[] g = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double saved = x[i];
      x[i] = saved + STEP;
      double plus = f.applyAsDouble(x);
      x[i] = saved - STEP;
      double minus = f.applyAsDouble(x);
      x[i] = saved;
      g[i] = (plus - minus) / (2 * STEP);
    }
    return g;
  }

  /** {@code df/dtheta} for every value of every tensor of {@code params}, which are restored. */
  public static ParameterSet gradient(ParameterSet params, ToDoubleFunction<ParameterSet> f) {
    ParameterSet g = params.zerosLike();
    for (Tensor t : params.tensors()) {
      double[] d = gradient(t.data(), x -> f.applyAsDouble(params));
      System.arraycopy(d, 0, g.get(t.name()).data(), 0, d.length);
    }
    return g;
  }

  /** {@code ||actual - expected|| / ||expected||}; fails on a zero reference, which would pass trivially. */
  public static double relativeError(double[] actual, double[] expected) {
    double errors = 0;
    double norm = 0;
    for (int i = 0; i < expected.length; i++) {
      errors += (actual[i] - expected[i]) * (actual[i] - expected[i]);
      norm += expected[i] * expected[i];
    }
    if (norm == 0) {
      throw new AssertionError("a zero reference would pass trivially");
    }
    return Math.sqrt(errors / norm);
  }

  /** {@link #relativeError(double[], double[])} over every tensor of {@code expected}, in order. */
  public static double relativeError(ParameterSet actual, ParameterSet expected) {
    return relativeError(values(actual), values(expected));
  }

  /** Every value of every tensor, in order. */
  public static double[] values(ParameterSet set) {
    return set.tensors().stream().flatMapToDouble(t -> java.util.Arrays.stream(t.data())).toArray();
  }
}
