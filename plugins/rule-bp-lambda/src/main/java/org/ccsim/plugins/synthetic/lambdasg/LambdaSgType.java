package org.ccsim.plugins.synthetic.lambdasg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Param;
import org.ccsim.api.Synthesiser;
import org.ccsim.plugins.synthetic.Diagnostics;
import org.ccsim.plugins.synthetic.LockstepBatch;
import org.ccsim.plugins.synthetic.SynthesiserUpdate;
import org.ccsim.plugins.synthetic.SyntheticGradientParams;
import org.pf4j.Extension;

/** The component {@code lambda-sg}: the offline forward view of BP(lambda), see {@link LambdaSg}. */
@Extension
public final class LambdaSgType implements LearningRuleType {

  @Override
  public String id() {
    return "lambda-sg";
  }

  @Override
  public String description() {
    return "offline lambda-SG (ALGORITHMS §3c): synthesiser trained towards lambda-return targets after each episode";
  }

  @Override
  public List<Param> parameters() {
    List<Param> params = new ArrayList<>(List.of(
        SyntheticGradientParams.LAMBDA, SyntheticGradientParams.GAMMA));
    params.addAll(SyntheticGradientParams.ALL);
    params.addAll(SynthesiserUpdate.parameters(SynthesiserUpdate.Method.GRADIENT, SynthesiserUpdate.Method.PRECONDITIONED));
    return params;
  }

  @Override
  public Map<String, String> metrics() {
    return Map.of(
        Diagnostics.ALIGNMENT, "cosine of the learning signal c_t + s g_t with the BPTT gradient c_t + G*_t",
        Diagnostics.SG_ALIGNMENT, "cosine of g_t with the true future gradient G*_t (offline BPTT pass)");
  }

  @Override
  public LearningRule create(Config config, BuildContext context) {
    Synthesiser synthesiser = SyntheticGradientParams.synthesiser(config, context);
    LockstepBatch.reserve(context);
    return new LambdaSg(context.network(), synthesiser, SyntheticGradientParams.weights(synthesiser, context),
        config.real("lambda"), config.real("gamma"), SyntheticGradientParams.effectiveWeight(config),
        SynthesiserUpdate.of(config, synthesiser, context));
  }
}
