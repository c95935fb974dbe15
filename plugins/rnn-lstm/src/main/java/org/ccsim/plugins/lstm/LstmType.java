package org.ccsim.plugins.lstm;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Network;
import org.ccsim.api.NetworkType;
import org.ccsim.api.Param;
import org.ccsim.api.Range;
import org.pf4j.Extension;

/** The component {@code lstm}; input and output sizes come from the task. */
@Extension
public final class LstmType implements NetworkType {

  @Override
  public String id() {
    return "lstm";
  }

  @Override
  public String description() {
    return "LSTM (gates i, f, g, o) with state [h; c] of 2n values and linear readout y_t = W_out h_t + b_out"
        + " (ALGORITHMS §7, exact Jacobian)";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.integer("hidden", 30, Range.between(1, 100_000), "n, number of LSTM units (the state has 2n values)"),
        Param.choice("init", "pytorch", List.of("pytorch", "gaussian"),
            "pytorch: every weight and bias ~ U(-1/sqrt(n), 1/sqrt(n)), b the sum of two draws; gaussian: W_x ~"
                + " N(0, 1/m), W_h and W_out ~ N(0, 1/n), biases 0"),
        Param.real("forgetBias", 0.0, Range.ANY, "added to the forget gate's bias after drawing"));
  }

  @Override
  public Network create(Config config, BuildContext context) {
    int m = context.task().inputSize();
    int n = config.integer("hidden");
    int k = context.task().outputSize();
    context.reserveParameters("parameters W_x, W_h, b, W_out, b_out of n " + n + " units (m " + m + ", k " + k + ")",
        parameterCount(m, n, k), 0);
    long largest = 4L * n * Math.max(n, Math.max(m, k));
    if (largest > Integer.MAX_VALUE) {
      throw new ConfigException("hidden", "gives a weight matrix of " + largest + " values, more than an array holds ("
          + Integer.MAX_VALUE + "): choose fewer units");
    }
    return new Lstm(m, n, k, new Lstm.Init(config.string("init").equals("pytorch"), config.real("forgetBias")),
        context.compute());
  }

  /** The values of W_x (4n x m), W_h (4n x n), b (4n), W_out (k x n) and b_out (k), without overflow. */
  static double parameterCount(int m, int n, int k) {
    return 4.0 * n * m + 4.0 * n * n + 4.0 * n + (double) k * n + k;
  }
}
