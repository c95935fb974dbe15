package org.ccsim.plugins.synthetic.dni;

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
import org.ccsim.plugins.synthetic.Diagnostics;
import org.ccsim.plugins.synthetic.Lesions;
import org.ccsim.plugins.synthetic.LockstepBatch;
import org.ccsim.plugins.synthetic.SynthesiserUpdate;
import org.ccsim.plugins.synthetic.SyntheticGradientParams;
import org.pf4j.Extension;

/** The component {@code dni}: n-step DNI, see {@link Dni}. */
@Extension
public final class DniType implements LearningRuleType {

  @Override
  public String id() {
    return "dni";
  }

  @Override
  public String description() {
    return "n-step DNI (Jaderberg et al. 2017; ALGORITHMS §3a): truncated BPTT(K) with the synthetic gradient"
        + " s g(h) injected at window ends, synthesiser trained towards the gradient arriving at window starts";
  }

  @Override
  public List<Param> parameters() {
    List<Param> params = new ArrayList<>(List.of(
        Param.integer("truncation", 1, Range.between(1, 1_000_000),
            "K, window length; s g(h_e) is injected as G_e at the end of each window"),
        Param.real(SyntheticGradientParams.SG_WEIGHT.name(), 1.0, Range.atLeast(0),
            "s in G_e = s g(h_e) injected at window ends (ALGORITHMS §3a): in the cortex's signal and the"
                + " synthesiser's target"),
        SyntheticGradientParams.SYNTHESISER,
        SyntheticGradientParams.SYNTH_OPTIMISER,
        SyntheticGradientParams.MODE));
    params.add(Param.choice("update", "episode", List.of("episode", "window"),
        "apply cortex and synthesiser updates after every window, or summed once per batch"));
    params.add(Param.bool("injectAtEnd", false,
        "also inject s g(h_T) at the episode's last step, where no target trains it (ccDNI)"));
    params.add(Param.bool("trainInitialPrediction", false,
        "also train g(h_0) at the initial state towards the gradient arriving there (ccDNI)"));
    params.addAll(SynthesiserUpdate.parameters(SynthesiserUpdate.Method.GRADIENT, SynthesiserUpdate.Method.PRECONDITIONED));
    return params;
  }

  @Override
  public Map<String, String> metrics() {
    return Diagnostics.withSynthesiserMetrics(Map.of(
        Diagnostics.TD_ERROR, "mean norm of target - g at window starts, target = (c_t0 + G_t0) J_t0",
        Diagnostics.ALIGNMENT, "cosine of the learning signal c_t + G_t with the BPTT gradient c_t + G*_t",
        Diagnostics.SG_ALIGNMENT, "cosine of the future gradient G_t the cortex uses (s g at window ends,"
            + " backpropagated inside windows) with the true G*_t (offline BPTT pass)"));
  }

  @Override
  public Map<String, String> actions() {
    return Lesions.ACTIONS;
  }

  @Override
  public LearningRule create(Config config, BuildContext context) {
    Synthesiser synthesiser = SyntheticGradientParams.synthesiser(config, context);
    LockstepBatch.reserve(context);
    Dni.Settings settings = new Dni.Settings(config.integer("truncation"),
        SyntheticGradientParams.effectiveWeight(config), config.real(SyntheticGradientParams.SG_WEIGHT.name()),
        config.string("update").equals("window"), config.bool("injectAtEnd"), config.bool("trainInitialPrediction"));
    return new Dni(context.network(), synthesiser, SyntheticGradientParams.weights(synthesiser, context), settings,
        SynthesiserUpdate.of(config, synthesiser, context));
  }
}
