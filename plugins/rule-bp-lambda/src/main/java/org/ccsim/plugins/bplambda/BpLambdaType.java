package org.ccsim.plugins.bplambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Param;
import org.ccsim.api.Range;
import org.ccsim.api.Synthesiser;
import org.pf4j.Extension;

/** The component {@code bp-lambda}: accumulate BP(lambda), see {@link BpLambda}. */
@Extension
public final class BpLambdaType implements LearningRuleType {

  @Override
  public String id() {
    return "bp-lambda";
  }

  @Override
  public String description() {
    return "accumulate BP(lambda) (Pemberton & Costa, TMLR 2024; ALGORITHMS §3b): online cortex updates"
        + " with synthetic gradients, synthesiser trained by eligibility traces, no backward pass";
  }

  @Override
  public List<Param> parameters() {
    List<Param> params = new ArrayList<>(List.of(
        Param.real("lambda", 1.0, Range.between(0, 1),
            "lambda in e_t = gamma lambda J_t e_{t-1} + dg_t/dtheta; 0 = one-step bootstrapping, 1 = BPTT target"),
        Param.real("gamma", 1.0, Range.between(0, 1),
            "gamma in delta_t = (c_{t+1} + gamma g_{t+1}) J_{t+1} - g_t and in the trace decay")));
    params.addAll(SyntheticGradientParams.ALL);
    params.add(Param.optionalReal("synthClip", Range.greaterThan(0),
        "if given, each step's synthesiser update delta_t e_t is clipped to this norm, tensor by tensor"));
    params.add(Param.choice("update", "episode", List.of("episode", "step"),
        "apply cortex and synthesiser updates at every step, or summed once per batch"));
    return params;
  }

  @Override
  public Map<String, String> metrics() {
    return Map.of(
        Diagnostics.TD_ERROR, "mean norm of the TD error delta_t over steps and examples",
        Diagnostics.ALIGNMENT, "cosine of the learning signal c_t + s g_t with the BPTT gradient c_t + G*_t",
        Diagnostics.SG_ALIGNMENT, "cosine of g_t with the true future gradient G*_t (offline BPTT pass)",
        Diagnostics.UPDATE_ALIGNMENT, "cosine of the batch's cortex update with the full-BPTT gradient (update once per batch)");
  }

  @Override
  public LearningRule create(Config config, BuildContext context) {
    Synthesiser synthesiser = SyntheticGradientParams.synthesiser(config, context);
    BpLambda.Settings settings = new BpLambda.Settings(config.real("lambda"), config.real("gamma"),
        SyntheticGradientParams.effectiveWeight(config), config.has("synthClip") ? config.real("synthClip") : Double.POSITIVE_INFINITY,
        config.string("update").equals("step"));
    return new BpLambda(context.network(), synthesiser, synthesiser.initialParameters(context.random("synthesiser-init")),
        SyntheticGradientParams.optimiser(config, context), settings);
  }
}
