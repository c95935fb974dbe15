package org.ccsim.plugins.online;

import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.pf4j.Extension;

/** The component {@code rtrl}: real-time recurrent learning, the exact online gradient ({@link FullInfluence}). */
@Extension
public final class RtrlType extends OnlineRuleType {

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
  Influence influence(Config config, BuildContext context, ParameterLayout layout, ParameterSet shapes) {
    Network network = context.network();
    ImmediatePattern pattern = pattern(context, layout, shapes);
    int n = network.hiddenSize();
    int batch = context.batchSize();
    context.reserveMemory("influence matrices (batch " + batch + " x n " + n + " x |Psi| " + layout.size()
        + " doubles, one more n x |Psi| for J_t M_{t-1}, n^2 for J_t and " + pattern.entries() + " for I_t)",
        Double.BYTES * FullInfluence.memory(batch, n, layout.size(), pattern.entries()));
    return new FullInfluence(network, context.compute(), pattern);
  }
}
