package org.ccsim.plugins.bptt;

import java.util.List;
import java.util.Locale;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Network;
import org.ccsim.api.Param;
import org.ccsim.api.Range;
import org.pf4j.Extension;

/** The component {@code bptt}: full BPTT, or truncated BPTT(K) with {@code truncation}. */
@Extension
public final class BpttType implements LearningRuleType {

  @Override
  public String id() {
    return "bptt";
  }

  @Override
  public String description() {
    return "backpropagation through time; with truncation K, truncated BPTT(K) with no gradient across window ends (ALGORITHMS §2)";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.optionalInteger("truncation", Range.between(1, 1_000_000),
            "K, window length of truncated BPTT; absent = full BPTT over the whole episode"),
        Param.choice("update", "episode", List.of("episode", "window"),
            "apply the summed gradient once per batch of episodes, or after every window"));
  }

  @Override
  public LearningRule create(Config config, BuildContext context) {
    int truncation = config.has("truncation") ? config.integer("truncation") : Integer.MAX_VALUE;
    Bptt.Update update = Bptt.Update.valueOf(config.string("update").toUpperCase(Locale.ROOT));
    reserveActivations(context);
    return new Bptt(context.network(), truncation, update);
  }

  /** The step records of a batch: every step of every episode is kept until its window's backward pass. */
  private static void reserveActivations(BuildContext context) {
    Network network = context.network();
    int m = network.inputSize();
    int n = network.hiddenSize();
    int k = network.outputSize();
    context.reserveStepRecords("activations", "(m " + m + " + 3 x n " + n + " + k " + k + ")", m + 3.0 * n + k);
  }
}
