package org.ccsim.plugins.online;

import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.pf4j.Extension;

/**
 * The component {@code uoro}: unbiased online recurrent optimisation, a rank-one unbiased estimate of
 * RTRL's influence matrix ({@link RankOneInfluence}); its signs come from the stream
 * {@code uoro-signs} of the scenario's master seed.
 */
@Extension
public final class UoroType extends OnlineRuleType {

  @Override
  public String id() {
    return "uoro";
  }

  @Override
  public String description() {
    return "unbiased online recurrent optimisation: M_t ~ s_t theta_t with random signs, estimate (c_t s_t) theta_t; "
        + "unbiased, O(n^2 + |Psi|) per step (Tallec & Ollivier 2018; ALGORITHMS §8)";
  }

  @Override
  Influence influence(Config config, BuildContext context, ParameterLayout layout, ParameterSet shapes) {
    Network network = context.network();
    int n = network.hiddenSize();
    int batch = context.batchSize();
    context.reserveMemory("rank-one influence estimates (batch " + batch + " x (n " + n + " + |Psi| " + layout.size()
        + ") doubles, and as much work space)", Double.BYTES * RankOneInfluence.memory(batch, n, layout.size()));
    return new RankOneInfluence(network, layout, shapes, context.random("uoro-signs").nextLong());
  }
}
