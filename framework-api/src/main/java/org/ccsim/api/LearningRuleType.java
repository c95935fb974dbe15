package org.ccsim.api;

/** Extension point for a learning rule: see {@link ComponentType} for the lifecycle and {@link LearningRule} for use. */
public interface LearningRuleType extends ComponentType<LearningRule> {

  @Override
  default Class<LearningRule> kind() {
    return LearningRule.class;
  }
}
