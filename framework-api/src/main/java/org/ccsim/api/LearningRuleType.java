package org.ccsim.api;

/** Extension point for a learning rule: see {@link ComponentType} for the lifecycle and {@link LearningRule} for use. */
public interface LearningRuleType extends ComponentType<LearningRule> {

  @Override
  default Class<LearningRule> kind() {
    return LearningRule.class;
  }

  /**
   * The metrics this rule can report through {@link TrainingContext#record}, beyond the loss that
   * every rule reports; a scenario may list them in {@code record.metrics}.
   *
   * @return metric name to a one-line description
   */
  default java.util.Map<String, String> metrics() {
    return java.util.Map.of();
  }

  /**
   * The actions a scenario's {@code events} may send to this rule's instances (e.g. a lesion,
   * {@code "ablate-synthesiser"}), through {@link LearningRule#act}; none by default.
   *
   * @return action name to a one-line description
   */
  default java.util.Map<String, String> actions() {
    return java.util.Map.of();
  }
}
