package org.ccsim.testkit;

import org.ccsim.api.Episode;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.TrainingContext;
import org.ccsim.core.build.TrainedGroups;

/**
 * A {@link TrainingContext} that hands out {@code parameters} and drops the network's gradients, while
 * the rule's own groups (when {@code own} is not null) take their optimisers' steps as in a run. It
 * keeps and allocates nothing, so a benchmark or an allocation test sees only the rule's own costs.
 */
public record DiscardingTrainingContext(ParameterSet parameters, TrainedGroups own) implements TrainingContext {

  /** A context over {@code parameters} for a rule with no groups of its own. */
  public DiscardingTrainingContext(ParameterSet parameters) {
    this(parameters, null);
  }

  @Override
  public void apply(ParameterSet gradient) {
    if (own != null && own.contains(gradient.groups().get(0))) {
      own.apply(gradient, 0);
    }
  }

  @Override
  public void observeOutput(Episode episode, int t, double[] y) {
  }

  @Override
  public boolean records(String metric) {
    return false;
  }

  @Override
  public void record(String metric, double value) {
  }
}
