package org.ccsim.plugins.bplambda;

import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.compute.Compute;

/**
 * The two forms of accumulate BP(lambda)'s eligibility (ALGORITHMS §3b), with the cost model that
 * {@code "traceForm": "auto"} uses: multiply-adds per step and example, n the state size, P the
 * trained values, T the episode length.
 */
enum TraceForm {

  /** {@link EligibilityTrace}: {@code n^2 P} per step, the online mechanism. */
  TRACE {
    @Override
    double cost(int n, int size, int length) {
      return (double) n * n * size;
    }

    @Override
    Eligibility create(Synthesiser synthesiser, ParameterSet theta, Compute compute, int batch, double decay,
        double tolerance) {
      return new EligibilityTrace(synthesiser, theta, compute, batch, decay);
    }
  },

  /**
   * {@link EligibilityHistory}: on average {@code (T + 1) / 2} terms of {@code n^2} (a
   * vector-Jacobian product) plus {@code P} (a parameter gradient) per step.
   */
  HISTORY {
    @Override
    double cost(int n, int size, int length) {
      return (length + 1) / 2.0 * ((double) n * n + size);
    }

    @Override
    Eligibility create(Synthesiser synthesiser, ParameterSet theta, Compute compute, int batch, double decay,
        double tolerance) {
      return new EligibilityHistory(synthesiser, theta, compute, batch, decay, tolerance);
    }
  };

  /** Multiply-adds per step and example. */
  abstract double cost(int n, int size, int length);

  /** The eligibility of this form for a batch. */
  abstract Eligibility create(Synthesiser synthesiser, ParameterSet theta, Compute compute, int batch, double decay,
      double tolerance);

  /** The scenario's name of the form. */
  String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The cheaper form the synthesiser allows: the history form needs one linear in its weights. */
  static TraceForm cheapest(Synthesiser synthesiser, int n, int size, int length) {
    return synthesiser.linearInTrainedWeights() && HISTORY.cost(n, size, length) < TRACE.cost(n, size, length)
        ? HISTORY : TRACE;
  }
}
