package org.ccsim.plugins.online;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Network;
import org.ccsim.api.Param;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Range;
import org.pf4j.Extension;

/**
 * The component {@code e-prop}: local eligibility traces decaying by the leak alone, with the error
 * fed back through {@code W_out} ({@code feedback: symmetric}, e-prop, Bellec et al. 2020) or a fixed
 * random matrix ({@code feedback: random}, random e-prop and RFLO, Murray 2019); {@link LocalInfluence}.
 * It needs a network whose units have a leak ({@link Network#selfRetention}), the tanh RNN.
 */
@Extension
public final class EPropType extends OnlineRuleType {

  @Override
  public String id() {
    return "e-prop";
  }

  @Override
  public String description() {
    return "e-prop / RFLO: eligibility traces p_t = (1 - alpha) p_{t-1} + alpha phi'(a_t) xh_t, learning signal "
        + "(y_t - y*_t) W_out or a random B; biased, O(|Psi|) per step (Bellec et al. 2020; Murray 2019; ALGORITHMS §8)";
  }

  @Override
  public List<Param> parameters() {
    return List.of(OnlineGradientRule.Update.PARAM,
        Param.choice("feedback", "symmetric", List.of("symmetric", "random"),
            "the matrix B of the learning signal L_t = (y_t - y*_t) B: W_out itself (e-prop), or fixed random "
                + "weights (random e-prop, RFLO)"),
        Param.real("feedbackScale", 1.0, Range.greaterThan(0),
            "with feedback random, B's entries are N(0, feedbackScale^2 / k)"));
  }

  @Override
  Influence influence(Config config, BuildContext context, ParameterLayout layout, ParameterSet shapes) {
    Network network = context.network();
    double retention = network.selfRetention().orElseThrow(() -> new ConfigException("type",
        "e-prop needs a network whose units leak, h_t = (1 - alpha) h_{t-1} + alpha phi(a_t) (the tanh RNN); "
            + "this network has no such single leak"));
    ImmediatePattern pattern = reservedPattern(context, layout, shapes, "eligibility traces");
    LocalInfluence.LearningSignal signal = config.string("feedback").equals("random")
        ? new RandomFeedback(network.outputSize(), network.hiddenSize(), config.real("feedbackScale"),
            context.random("feedback"))
        : LocalInfluence.THROUGH_READOUT;
    return new LocalInfluence(pattern, LocalInfluence.leak(retention), signal);
  }
}
