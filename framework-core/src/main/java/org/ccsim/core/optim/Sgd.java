package org.ccsim.core.optim;

import java.util.List;
import org.ccsim.api.Optimiser;
import org.ccsim.api.Tensor;

/** Plain stochastic gradient descent: {@code Psi <- Psi - eta dL/dPsi}. */
public final class Sgd implements Optimiser {

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
