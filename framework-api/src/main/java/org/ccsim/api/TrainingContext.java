package org.ccsim.api;

/** What a {@link LearningRule} sees while it trains on a batch. Provided by the host. */
public interface TrainingContext {

  /** The current parameters; {@link #apply} changes them in place. */
  ParameterSet parameters();

  /**
   * Hands a gradient of the loss (same tensors as {@link #parameters()}) to the optimisers, which
   * update the parameters at once. The gradient's values may be overwritten (see {@link Optimiser}).
   *
   * @throws DivergenceException if the gradient, or a parameter after the update, is NaN or infinite
   */
  void apply(ParameterSet gradient);

  /**
   * Reports the output {@code y} the network produced at step t of {@code episode}.
   *
   * @throws DivergenceException if {@code y} or its loss is NaN or infinite
   */
  void observeOutput(Episode episode, int t, double[] y);

  /**
   * Whether the scenario records {@code metric}; a rule computes a costly diagnostic (such as an
   * offline BPTT pass for gradient alignment) only when this is true.
   */
  boolean records(String metric);

  /**
   * Reports one value of a metric the rule declares ({@link LearningRuleType#metrics()}); the host
   * records the mean of an epoch's values.
   */
  void record(String metric, double value);
}
