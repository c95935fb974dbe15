package org.ccsim.plugins.online;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Network;
import org.ccsim.api.Param;
import org.ccsim.api.ParameterSet;

/**
 * What the components of this plugin share: each is an {@link OnlineGradientRule} with the
 * {@code update} parameter, over the layout of the network's Psi, and differs only in its
 * {@link Influence}, whose memory it declares before that allocates.
 */
abstract class OnlineRuleType implements LearningRuleType {

  @Override
  public List<Param> parameters() {
    return List.of(OnlineGradientRule.Update.PARAM);
  }

  @Override
  public final LearningRule create(Config config, BuildContext context) {
    Network network = context.network();
    ParameterSet shapes = network.initialParameters(context.random("parameter-shapes"));
    ParameterLayout layout = new ParameterLayout(network, shapes);
    Influence influence = influence(config, context, layout, shapes);
    return new OnlineGradientRule(network, layout, influence, OnlineGradientRule.Update.of(config));
  }

  /** This rule's influence estimate, its memory reserved through {@code context}. */
  abstract Influence influence(Config config, BuildContext context, ParameterLayout layout, ParameterSet shapes);

  /** The pattern of the network's immediate Jacobian over {@code layout}, probed from the rule's own stream. */
  static ImmediatePattern pattern(BuildContext context, ParameterLayout layout, ParameterSet shapes) {
    return new ImmediatePattern(context.network(), layout, shapes, context.random("immediate-pattern"));
  }

  /**
   * The immediate Jacobian's pattern, with the memory of the {@link LocalInfluence} on it reserved
   * under the name {@code what}.
   */
  static ImmediatePattern reservedPattern(BuildContext context, ParameterLayout layout, ParameterSet shapes,
      String what) {
    ImmediatePattern pattern = pattern(context, layout, shapes);
    int batch = context.batchSize();
    context.reserveMemory(what + " (batch " + batch + " x " + pattern.entries() + " kept entries, and as many for I_t)",
        Double.BYTES * LocalInfluence.memory(batch, pattern.entries()));
    return pattern;
  }
}
