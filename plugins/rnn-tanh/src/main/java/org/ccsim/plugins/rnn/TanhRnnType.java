package org.ccsim.plugins.rnn;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Network;
import org.ccsim.api.NetworkType;
import org.ccsim.api.Param;
import org.ccsim.api.Range;
import org.pf4j.Extension;

/** The component {@code tanh-rnn}; input and output sizes come from the task. */
@Extension
public final class TanhRnnType implements NetworkType {

  @Override
  public String id() {
    return "tanh-rnn";
  }

  @Override
  public String description() {
    return "RNN h_t = (1 - alpha) h_{t-1} + alpha phi(W_in x_t + W_rec h_{t-1} + b), phi = tanh or identity, linear readout y_t = W_out h_t + b_out (ALGORITHMS §1, leaky: §7)";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.integer("hidden", 30, Range.between(1, 100_000), "n, number of hidden units"),
        Param.choice("nonlinearity", "tanh", List.of("tanh", "identity"), "phi in h_t = phi(a_t)"),
        Param.real("alpha", 1.0, new Range(0, false, 1, true),
            "leak alpha = dt / tau in h_t = (1 - alpha) h_{t-1} + alpha phi(a_t); 1: no leak (ALGORITHMS §1)"),
        Param.choice("init", "gaussian", List.of("gaussian", "pytorch"),
            "gaussian: the scales below; pytorch: every weight and bias ~ U(-1/sqrt(n), 1/sqrt(n)), b the sum of two draws"),
        Param.real("inputScale", 1.0, Range.atLeast(0), "W_in entries ~ N(0, inputScale^2 / m)"),
        Param.real("recurrentGain", 1.0, Range.atLeast(0), "W_rec entries ~ N(0, recurrentGain^2 / n)"),
        Param.optionalReal("spectralRadius", Range.greaterThan(0),
            "if given, W_rec is rescaled to this spectral radius after drawing"),
        Param.real("readoutScale", 1.0, Range.atLeast(0), "W_out entries ~ N(0, readoutScale^2 / n); biases start at 0"));
  }

  @Override
  public Network create(Config config, BuildContext context) {
    TanhRnn.Init init = new TanhRnn.Init(config.string("init").equals("pytorch"), config.real("inputScale"),
        config.real("recurrentGain"), config.has("spectralRadius") ? config.real("spectralRadius") : 0,
        config.real("readoutScale"));
    TanhRnn.Nonlinearity phi = config.string("nonlinearity").equals("tanh")
        ? TanhRnn.Nonlinearity.TANH : TanhRnn.Nonlinearity.IDENTITY;
    int m = context.task().inputSize();
    int n = config.integer("hidden");
    int k = context.task().outputSize();
    context.reserveParameters("parameters W_in, W_rec, b, W_out, b_out of n " + n + " units (m " + m + ", k " + k + ")",
        parameterCount(m, n, k), 0);
    long largest = (long) n * Math.max(n, Math.max(m, k));
    if (largest > Integer.MAX_VALUE) {
      throw new ConfigException("hidden", "gives a weight matrix of " + largest + " values, more than an array holds ("
          + Integer.MAX_VALUE + "): choose fewer hidden units");
    }
    return new TanhRnn(m, n, k, phi, config.real("alpha"), init, context.compute());
  }

  /** The values of W_in (n x m), W_rec (n x n), b (n), W_out (k x n) and b_out (k), without overflow. */
  static double parameterCount(int m, int n, int k) {
    return (double) n * m + (double) n * n + n + (double) k * n + k;
  }
}
