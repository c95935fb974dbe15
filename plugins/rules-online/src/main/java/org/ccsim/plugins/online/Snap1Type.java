package org.ccsim.plugins.online;

import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ParameterSet;
import org.pf4j.Extension;

/**
 * The component {@code snap-1}: RTRL with the influence matrix kept on the pattern of the immediate
 * Jacobian, {@code M_t[i,p] = J_t[i,i] M_{t-1}[i,p] + I_t[i,p]} (Menick et al., ICLR 2021;
 * {@link LocalInfluence}).
 */
@Extension
public final class Snap1Type extends OnlineRuleType {

  @Override
  public String id() {
    return "snap-1";
  }

  @Override
  public String description() {
    return "SnAp-1: RTRL kept on the immediate Jacobian's pattern, M_t[i,p] = J_t[i,i] M_{t-1}[i,p] + I_t[i,p]; "
        + "biased, O(n^2 + |Psi|) per step (Menick et al. 2021; ALGORITHMS §8)";
  }

  @Override
  Influence influence(Config config, BuildContext context, ParameterLayout layout, ParameterSet shapes) {
    ImmediatePattern pattern = reservedPattern(context, layout, shapes, "sparse influence matrices");
    return new LocalInfluence(pattern, LocalInfluence.stateJacobian(context.network()), LocalInfluence.THROUGH_READOUT);
  }
}
