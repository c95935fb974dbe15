package org.ccsim.plugins.synthetic.bplambda;

import java.util.Locale;
import org.ccsim.api.BuildContext;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.compute.Compute;

/**
 * The two forms of accumulate BP(lambda)'s eligibility (ALGORITHMS §3b), with the cost model that
 * {@code "traceForm": "auto"} uses: multiply-adds per step and example for a {@link Shape}.
 */
public enum TraceForm {

  /** {@link EligibilityTrace}: {@code n^2 P} per step (only the {@code P} Jacobian entries when gamma lambda = 0). */
  TRACE {
    @Override
    double cost(Shape s) {
      return s.decay() == 0 ? s.size() : (double) s.n() * s.n() * s.size();
    }

    @Override
    void reserve(BuildContext context, Shape s, double thetaValues) {
      int batch = context.batchSize();
      context.reserveMemory("eligibility traces (2 x batch " + batch + " x n " + s.n() + " x P " + s.size()
          + " doubles, and batch x n^2 for J_t)", Double.BYTES * batch * (2.0 * s.n() * s.size() + (double) s.n() * s.n()));
    }

    @Override
    public Eligibility create(JacobianSynthesiser synthesiser, ParameterSet theta, Compute compute, int batch, double decay,
        double tolerance) {
      return new EligibilityTrace(synthesiser, theta, compute, batch, decay);
    }
  },

  /**
   * {@link EligibilityHistory}: on average {@code (T + 1) / 2} terms of {@code n^2} (a
   * vector-Jacobian product) plus {@code P} (a parameter gradient) per step; one term when gamma
   * lambda = 0.
   */
  HISTORY {
    @Override
    double cost(Shape s) {
      double terms = s.decay() == 0 ? 1 : (s.length() + 1) / 2.0;
      return terms * ((double) s.n() * s.n() + s.size());
    }

    @Override
    void reserve(BuildContext context, Shape s, double thetaValues) {
      int batch = context.batchSize();
      int steps = EligibilityHistory.capacity(s.length());
      context.reserveMemory("eligibility history (batch " + batch + " x " + steps + " steps x (n^2 + n), n " + s.n()
          + ", and a gradient of " + Math.round(thetaValues) + " values per example, doubles)",
          Double.BYTES * batch * ((double) steps * ((double) s.n() * s.n() + s.n()) + thetaValues));
    }

    @Override
    public Eligibility create(JacobianSynthesiser synthesiser, ParameterSet theta, Compute compute, int batch, double decay,
        double tolerance) {
      return new EligibilityHistory(synthesiser, theta, compute, batch, decay, tolerance);
    }
  };

  /** Multiply-adds per example and step above which the examples of a batch run in parallel. */
  private static final double PARALLEL_COST = 1 << 17;

  /** The most values the history form may keep per example ({@code T (n^2 + n)}): 64 MB. */
  private static final double HISTORY_MEMORY = 8e6;

  /**
   * What the costs depend on.
   *
   * @param n the state size
   * @param size P, the synthesiser's trained values
   * @param length T, the episode length
   * @param decay gamma lambda
   */
  public record Shape(int n, int size, int length, double decay) {
  }

  /** Multiply-adds per step and example. */
  abstract double cost(Shape shape);

  /**
   * Declares the memory the eligibility of this form holds for a batch of
   * {@link BuildContext#batchSize()} examples.
   *
   * @param thetaValues the synthesiser's parameter values, trained or not
   */
  abstract void reserve(BuildContext context, Shape shape, double thetaValues);

  /** The eligibility of this form for a batch. */
  public abstract Eligibility create(JacobianSynthesiser synthesiser, ParameterSet theta, Compute compute, int batch, double decay,
      double tolerance);

  /** Whether a step costs enough to spread a batch's examples over the cores. */
  boolean spreads(Shape shape) {
    return cost(shape) >= PARALLEL_COST;
  }

  /** The scenario's name of the form. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The cheaper form the synthesiser allows: the history form needs one linear in its weights, and
   * its record of the episode must stay within {@value #HISTORY_MEMORY} values per example.
   */
  public static TraceForm cheapest(JacobianSynthesiser synthesiser, Shape shape) {
    boolean fits = (double) shape.length() * ((double) shape.n() * shape.n() + shape.n()) <= HISTORY_MEMORY;
    return synthesiser.linearInTrainedWeights() && fits && HISTORY.cost(shape) < TRACE.cost(shape) ? HISTORY : TRACE;
  }
}
