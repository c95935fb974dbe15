package org.ccsim.plugins.synthesisers;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Param;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.SynthesiserType;
import org.pf4j.Extension;

/** The component {@code linear}: see {@link LinearSynthesiser}. */
@Extension
public final class LinearSynthesiserType implements SynthesiserType {

  @Override
  public String id() {
    return "linear";
  }

  @Override
  public String description() {
    return "linear synthesiser g(h) = W_s h + b_s, zero-initialised (Jaderberg et al. 2017)";
  }

  @Override
  public List<Param> parameters() {
    return List.of();
  }

  @Override
  public Synthesiser create(Config config, BuildContext context) {
    int n = context.network().hiddenSize();
    context.reserveParameters("synthesiser parameters W_s, b_s of n " + n + " units", (double) n * n + n, 0);
    return new LinearSynthesiser(n, context.compute());
  }
}
