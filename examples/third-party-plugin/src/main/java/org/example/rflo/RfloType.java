package org.example.rflo;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Network;
import org.ccsim.api.Param;
import org.ccsim.api.Range;
import org.pf4j.Extension;

/**
 * The component {@code rflo}: random-feedback local online learning (Murray, eLife 2019); the
 * update rule is in {@link Rflo}. Its random feedback matrix is drawn from the rule's own stream
 * {@code "feedback"}, so each replicate has its own B and adding another rule changes nothing.
 */
@Extension
public final class RfloType implements LearningRuleType {

  @Override
  public String id() {
    return "rflo";
  }

  @Override
  public String description() {
    return "RFLO, random-feedback local online learning (Murray, eLife 2019): leaky eligibility traces"
        + " of phi'(a_i) h_j, output error fed back through a fixed random matrix";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.real("tau", 2.0, Range.atLeast(1),
            "tau in p_ij(t) = (1 - 1/tau) p_ij(t-1) + (1/tau) phi'(a_i) h_j(t-1); 1 = no memory"),
        Param.choice("feedback", "random", List.of("random", "readout"),
            "u = B dl/dy with a fixed random B, or W_out^T dl/dy (symmetric feedback, a control)"),
        Param.real("feedbackScale", 1.0, Range.greaterThan(0),
            "B entries ~ N(0, feedbackScale^2 / n), the scale of the readout's initial weights"));
  }

  @Override
  public LearningRule create(Config config, BuildContext context) {
    Network network = context.network();
    double[] feedback = null;
    if (config.string("feedback").equals("random")) {
      int n = network.hiddenSize();
      RandomGenerator random = context.random("feedback");
      double sd = config.real("feedbackScale") / Math.sqrt(n);
      feedback = new double[n * network.outputSize()];
      for (int i = 0; i < feedback.length; i++) {
        feedback[i] = sd * random.nextGaussian();
      }
    }
    return new Rflo(network, config.real("tau"), feedback);
  }
}
