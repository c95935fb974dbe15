package org.ccsim.core.optim;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Optimiser;
import org.ccsim.api.OptimiserType;
import org.ccsim.api.Param;
import org.ccsim.api.Range;
import org.ccsim.api.Tensor;

/** Plain stochastic gradient descent: {@code Psi <- Psi - eta dL/dPsi}. */
public final class Sgd implements Optimiser {

  /** The component type {@code sgd}. */
  public static final class Type implements OptimiserType {

    @Override
    public String id() {
      return "sgd";
    }

    @Override
    public String description() {
      return "stochastic gradient descent, Psi <- Psi - learningRate * gradient";
    }

    @Override
    public List<Param> parameters() {
      return List.of(Param.real("learningRate", 0.01, Range.atLeast(0), "step size eta; 0 freezes the group"));
    }

    @Override
    public Optimiser create(Config config, BuildContext context) {
      return new Sgd(config.real("learningRate"));
    }
  }

  private final double learningRate;

  public Sgd(double learningRate) {
    this.learningRate = learningRate;
  }

  @Override
  public void step(List<Tensor> params, List<Tensor> grads) {
    for (int k = 0; k < params.size(); k++) {
      double[] p = params.get(k).data();
      double[] g = grads.get(k).data();
      for (int i = 0; i < p.length; i++) {
        p[i] -= learningRate * g[i];
      }
    }
  }
}
