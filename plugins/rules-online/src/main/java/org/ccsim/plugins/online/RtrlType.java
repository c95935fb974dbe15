package org.ccsim.plugins.online;

import java.util.List;
import java.util.Locale;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Network;
import org.ccsim.api.Param;
import org.pf4j.Extension;

/** The component {@code rtrl}: real-time recurrent learning, the exact online gradient (ALGORITHMS §8). */
@Extension
public final class RtrlType implements LearningRuleType {

  @Override
  public String id() {
    return "rtrl";
  }

  @Override
  public String description() {
    return "real-time recurrent learning: influence matrix M_t = J_t M_{t-1} + I_t, estimate c_t M_t; "
        + "exact, n^2 |Psi| per step (ALGORITHMS §8)";
  }

  @Override
  public List<Param> parameters() {
    return List.of(Param.choice("update", "episode", List.of("episode", "step"),
        "apply the summed estimates c_t M_t once per batch of episodes, or after every step"));
  }

  @Override
  public LearningRule create(Config config, BuildContext context) {
    Network network = context.network();
    int n = network.hiddenSize();
    double size = new ImmediateJacobian(network, network.initialParameters(context.random("parameter-shapes"))).size();
    int batch = context.batchSize();
    context.reserveMemory("influence matrices (batch " + batch + " x n " + n + " x |Psi| " + Math.round(size)
        + " doubles, one more n x |Psi| for J_t M_{t-1}, and n^2 for J_t)",
        Double.BYTES * ((batch + 1.0) * n * size + (double) n * n));
    Rtrl.Update update = Rtrl.Update.valueOf(config.string("update").toUpperCase(Locale.ROOT));
    return new Rtrl(network, context.compute(), update);
  }
}
