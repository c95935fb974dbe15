package org.ccsim.plugins.synthetic;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Optimiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Param;
import org.ccsim.api.Range;
import org.ccsim.api.Synthesiser;

/** The parameters every synthetic-gradient rule shares, and building their synthesiser. */
public final class SyntheticGradientParams {

  /** lambda of {@code bp-lambda} and {@code lambda-sg}, the same number in both views (ALGORITHMS §3b, §3c). */
  public static final Param LAMBDA = Param.real("lambda", 1.0, Range.between(0, 1),
      "lambda: 0 = one-step bootstrapping (Jaderberg), 1 = the BPTT target; decays the trace"
          + " e_t = gamma lambda J_t e_{t-1} + dg_t/dtheta, or equally mixes the target"
          + " G_t = (c_{t+1} + gamma [(1 - lambda) g_{t+1} + lambda G_{t+1}]) J_{t+1}");
  /** gamma of {@code bp-lambda} and {@code lambda-sg} (ALGORITHMS §3b, §3c). */
  public static final Param GAMMA = Param.real("gamma", 1.0, Range.between(0, 1),
      "gamma, the discount of the bootstrapped term: delta_t = (c_{t+1} + gamma g_{t+1}) J_{t+1} - g_t,"
          + " in the trace decay and in the target's recursion");

  public static final Param SG_WEIGHT = Param.real("sgWeight", 1.0, Range.atLeast(0),
      "s in the cortex update Psi <- Psi - eta (c_t + s g_t) dh_t/dPsi (ALGORITHMS §3); not in any target");
  public static final Param SYNTHESISER = Param.component("synthesiser", Synthesiser.class, "linear",
      "the synthesiser g(h; theta) predicting the future gradient G*_t");
  public static final Param SYNTH_OPTIMISER = Param.component("synthOptimiser", Optimiser.class, "adam",
      "optimiser of the synthesiser's weights theta (gets minus the update direction);"
          + " training.groupOptimisers.synthesiser, if the scenario gives it, takes its place");
  public static final Param MODE = Param.choice("synthesiserMode", "apply", List.of("apply", "train-only"),
      "apply: the cortex uses s g_t; train-only: the synthesiser learns but the cortex ignores it");

  public static final List<Param> ALL = List.of(SG_WEIGHT, SYNTHESISER, SYNTH_OPTIMISER, MODE);

  private SyntheticGradientParams() {
  }

  /** The synthesiser, checked to match the network's state size. */
  public static Synthesiser synthesiser(Config config, BuildContext context) {
    Synthesiser synthesiser = context.create(Synthesiser.class, config.component(SYNTHESISER.name()));
    int n = context.network().hiddenSize();
    if (synthesiser.size() != n) {
      throw new ConfigException(SYNTHESISER.name(), "predicts " + synthesiser.size()
          + " values but the network's state has " + n);
    }
    return synthesiser;
  }

  /**
   * The synthesiser's initial weights theta; the host owns its trained tensors from now on, as the
   * group {@link Synthesiser#TRAINED}, stepped by the optimiser {@code synthOptimiser} (or the
   * scenario's {@code training.groupOptimisers.synthesiser}).
   */
  public static ParameterSet weights(Synthesiser synthesiser, BuildContext context) {
    ParameterSet theta = synthesiser.initialParameters(context.random("synthesiser-init"));
    context.trains(Synthesiser.TRAINED, TrainedVector.trained(theta), SYNTH_OPTIMISER.name());
    return theta;
  }

  /** s, or 0 in train-only mode. */
  public static double effectiveWeight(Config config) {
    return config.string(MODE.name()).equals("apply") ? config.real(SG_WEIGHT.name()) : 0;
  }
}
