package org.ccsim.core.optim;

import java.util.List;
import org.ccsim.api.Optimiser;
import org.ccsim.api.Snapshot;
import org.ccsim.api.Tensor;

/**
 * Adam (Kingma &amp; Ba, ICLR 2015, Algorithm 1), with bias-corrected moments:
 * {@code m <- b1 m + (1-b1) g}, {@code v <- b2 v + (1-b2) g^2},
 * {@code Psi <- Psi - eta (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)}.
 */
public final class Adam implements Optimiser {

  private final double learningRate;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private double[][] firstMoment;
  private double[][] secondMoment;
  private long steps;

  public Adam(double learningRate, double beta1, double beta2, double eps) {
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
  }

  /** The first and second moments. */
  @Override
  public int stateValuesPerParameter() {
    return 2;
  }

  @Override
  public void step(List<Tensor> params, List<Tensor> grads) {
    if (firstMoment == null) {
      firstMoment = params.stream().map(t -> new double[t.data().length]).toArray(double[][]::new);
      secondMoment = params.stream().map(t -> new double[t.data().length]).toArray(double[][]::new);
    }
    steps++;
    double correction1 = 1 - Math.pow(beta1, steps);
    double correction2 = 1 - Math.pow(beta2, steps);
    for (int k = 0; k < params.size(); k++) {
      double[] p = params.get(k).data();
      double[] g = grads.get(k).data();
      double[] m = firstMoment[k];
      double[] v = secondMoment[k];
      for (int i = 0; i < p.length; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        p[i] -= learningRate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + eps);
      }
    }
  }

  /** Saves the step count and the moments (none before the first step), one entry per tensor. */
  @Override
  public void saveState(Snapshot into) {
    int tensors = firstMoment == null ? 0 : firstMoment.length;
    into.putLongs("steps", steps);
    into.putLongs("tensors", tensors);
    for (int k = 0; k < tensors; k++) {
      into.putDoubles("m/" + k, firstMoment[k]);
      into.putDoubles("v/" + k, secondMoment[k]);
    }
  }

  @Override
  public void restoreState(Snapshot from) {
    steps = from.longValue("steps");
    int tensors = (int) from.longValue("tensors");
    firstMoment = tensors == 0 ? null : new double[tensors][];
    secondMoment = tensors == 0 ? null : new double[tensors][];
    for (int k = 0; k < tensors; k++) {
      firstMoment[k] = from.doubles("m/" + k);
      secondMoment[k] = from.doubles("v/" + k);
    }
  }
}
