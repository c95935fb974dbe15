package org.ccsim.plugins.synthesisers;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Param;
import org.ccsim.api.Range;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.SynthesiserType;
import org.pf4j.Extension;

/** The component {@code mlp}: see {@link MlpSynthesiser}. */
@Extension
public final class MlpSynthesiserType implements SynthesiserType {

  @Override
  public String id() {
    return "mlp";
  }

  @Override
  public String description() {
    return "MLP synthesiser g(h) = W_o relu(... relu(W_1 h + b_1) ...) + b_o, output layer zero-initialised"
        + " (Jaderberg et al. 2017)";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.integer("hidden", 64, Range.between(1, 100_000), "width of every hidden ReLU layer"),
        Param.integer("layers", 1, Range.between(1, 8), "L, number of hidden layers"),
        Param.bool("trainOutputOnly", false,
            "train only W_o, b_o; the hidden layers stay as initialised (a random feature map)"),
        Param.choice("init", "he", List.of("he", "pytorch"),
            "hidden layers: he = N(0, 2/fan-in) weights, zero biases; pytorch = nn.Linear's U(+-1/sqrt(fan-in)) weights and biases"),
        Param.bool("zeroInputLayer", false, "start with W_1 = 0 (ccDNI's line drawing, --nfibres -1)"));
  }

  @Override
  public Synthesiser create(Config config, BuildContext context) {
    int n = context.network().hiddenSize();
    int width = config.integer("hidden");
    int layers = config.integer("layers");
    double hidden = (double) width * n + width + (layers - 1) * ((double) width * width + width);
    double output = (double) n * width + n;
    boolean outputOnly = config.bool("trainOutputOnly");
    context.reserveParameters("synthesiser parameters of " + layers + " hidden layer(s) of width " + width + " (n " + n
        + ")", outputOnly ? output : hidden + output, outputOnly ? hidden : 0);
    MlpSynthesiser.Init init = new MlpSynthesiser.Init(config.string("init").equals("pytorch"), config.bool("zeroInputLayer"));
    return new MlpSynthesiser(n, width, layers, outputOnly, init, context.compute());
  }
}
