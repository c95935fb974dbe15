package org.ccsim.plugins.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.Param;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Range;
import org.ccsim.api.Synthesiser;

/**
 * How a synthetic-gradient rule turns what its synthesiser learned from a batch into the step it
 * hands the host (docs/ALGORITHMS.md §9): the plain summed update, that update
 * preconditioned by the inverse covariance of the synthesiser's trained-layer inputs
 * ({@link KroneckerPreconditioner}), or, for {@code bp-lambda}, the least-squares solution of the
 * update's fixed point. Both need a synthesiser linear in its trained weights.
 *
 * @param method which of the three
 * @param covarianceRate rho of the preconditioner's running covariance
 * @param ridge eps, added to the preconditioner's covariance or to least squares' A
 * @param memory beta of least squares
 * @param solveEvery batches between least squares' solves
 */
public record SynthesiserUpdate(Method method, double covarianceRate, double ridge, double memory, int solveEvery) {

  /** The three updates, named as a scenario names them. */
  public enum Method {
    GRADIENT, PRECONDITIONED, LEAST_SQUARES;

    String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** The plain update, as every rule made it before the other two existed. */
  public static final SynthesiserUpdate GRADIENT = new SynthesiserUpdate(Method.GRADIENT, 0, 0, 1, 1);

  private static final double DEFAULT_RATE = 0.05;
  private static final double DEFAULT_RIDGE = 1e-3;
  private static final Param COVARIANCE_RATE = Param.optionalReal("covarianceRate", Range.between(Double.MIN_VALUE, 1),
      "rho (synthUpdate preconditioned; default " + DEFAULT_RATE + "): C <- (1 - rho) C + rho mean [z; 1][z; 1]^T"
          + " over the states trained since the last update, z the input of the synthesiser's trained layer");
  private static final Param RIDGE = Param.optionalReal("ridge", Range.greaterThan(0),
      "eps (default " + DEFAULT_RIDGE + "): the update is U (C + eps I)^{-1} (preconditioned), or theta solves"
          + " (A / w + eps I) theta = b / w + eps theta_old (least-squares)");
  private static final Param MEMORY = Param.optionalReal("memory", Range.between(0, 1),
      "beta (least-squares; default 1): A, b and w are scaled by beta before each batch's terms are added (1: every"
          + " episode since the start, as LSTD; below 1: forgets a cortex that changes)");
  private static final Param SOLVE_EVERY = Param.optionalInteger("solveEvery", Range.between(1, 1_000_000),
      "k (least-squares; default 1): theta is solved for after every k-th batch and stays in between");

  /**
   * The parameters of a rule offering {@code methods}: {@code synthUpdate} and those the methods
   * read.
   */
  public static List<Param> parameters(Method... methods) {
    List<String> ids = ids(methods);
    List<Param> params = new ArrayList<>(List.of(Param.choice("synthUpdate", Method.GRADIENT.id(), ids,
        "the synthesiser's step: gradient (the rule's summed update); preconditioned (that update times the"
            + " inverse covariance of the trained layer's input, a Gauss-Newton step)"
            + (ids.contains(Method.LEAST_SQUARES.id()) ? "; least-squares (theta solves the fixed point of the"
                + " summed BP(lambda) update over the episodes seen, LSTD(lambda)); both need a synthesiser linear"
                + " in its trained weights, and synthOptimiser sgd (learningRate alpha: the fraction of the step"
                + " taken) for least-squares" : "; it needs a synthesiser linear in its trained weights")),
        COVARIANCE_RATE, RIDGE));
    if (ids.contains(Method.LEAST_SQUARES.id())) {
      params.addAll(List.of(MEMORY, SOLVE_EVERY));
    }
    return params;
  }

  /**
   * The update a rule's configuration asks for, checked against its synthesiser; declares the
   * memory of the preconditioner (least squares declares its own, which depends on the batch).
   */
  public static SynthesiserUpdate of(Config config, Synthesiser synthesiser, BuildContext context) {
    String id = config.string("synthUpdate");
    Method method = Method.valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    requireOnly(config, method, COVARIANCE_RATE, Method.PRECONDITIONED);
    requireOnly(config, method, RIDGE, Method.PRECONDITIONED, Method.LEAST_SQUARES);
    requireOnly(config, method, MEMORY, Method.LEAST_SQUARES);
    requireOnly(config, method, SOLVE_EVERY, Method.LEAST_SQUARES);
    if (method == Method.GRADIENT) {
      return GRADIENT;
    }
    if (!(synthesiser instanceof JacobianSynthesiser linear) || !linear.linearInTrainedWeights()) {
      throw new ConfigException("synthUpdate", id + " needs a synthesiser linear in its trained weights (linear, a"
          + " cerebellum whose Purkinje layer alone learns, or an mlp with trainOutputOnly); synthesiser '"
          + config.component(SyntheticGradientParams.SYNTHESISER.name()).type() + "' is not");
    }
    if (method == Method.PRECONDITIONED) {
      context.reserveMemory("preconditioner (covariance of the " + (linear.readoutInputs() + 1)
          + " trained-layer inputs, its factorisation and the update, doubles)",
          KroneckerPreconditioner.bytes(linear.size(), linear.readoutInputs()));
    }
    return new SynthesiserUpdate(method, real(config, COVARIANCE_RATE, DEFAULT_RATE), real(config, RIDGE, DEFAULT_RIDGE),
        real(config, MEMORY, 1), config.has(SOLVE_EVERY.name()) ? config.integer(SOLVE_EVERY.name()) : 1);
  }

  private static double real(Config config, Param param, double fallback) {
    return config.has(param.name()) ? config.real(param.name()) : fallback;
  }

  private static void requireOnly(Config config, Method method, Param param, Method... users) {
    if (config.has(param.name()) && !List.of(users).contains(method)) {
      throw new ConfigException(param.name(), "applies only with synthUpdate " + String.join(" or ", ids(users)) + ", and synthUpdate is "
          + method.id());
    }
  }

  private static List<String> ids(Method... methods) {
    List<String> ids = new ArrayList<>();
    for (Method method : methods) {
      ids.add(method.id());
    }
    return ids;
  }

  /** The preconditioner this update asks for, or none. */
  KroneckerPreconditioner preconditioner(Synthesiser synthesiser, ParameterSet theta) {
    return method == Method.PRECONDITIONED ? new KroneckerPreconditioner((JacobianSynthesiser) synthesiser, theta,
        covarianceRate, ridge) : null;
  }
}
