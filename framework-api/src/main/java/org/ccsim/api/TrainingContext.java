package org.ccsim.api;

/** What a {@link LearningRule} sees while it trains on a batch. Provided by the host. */
public interface TrainingContext {

  /** The network's current parameters; {@link #apply} changes them in place. */
  ParameterSet parameters();

  /**
   * Hands a gradient of the loss for some of the unit's parameter groups (the network's, see
   * {@link #parameters()}, and those the rule declared with {@link BuildContext#trains}) to their
   * optimisers, which update those groups at once; groups absent from {@code gradient} are left
   * alone. Each group's tensors come in the order of its parameters. The gradient's values may be
   * overwritten (see {@link Optimiser}).
   *
   * @throws DivergenceException if the gradient, or a parameter after the update, is NaN or infinite
   * @throws IllegalArgumentException for a group the unit does not train
   */
  void apply(ParameterSet gradient);

  /**
   * {@link #apply} of the mean over a batch's {@code examples} of a summed {@code gradient}, which
   * is then cleared for the next sum.
   */
  default void applyMean(ParameterSet gradient, int examples) {
    gradient.scale(1.0 / examples);
    apply(gradient);
    gradient.clear();
  }

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
