package org.ccsim.plugins.synthetic;

/**
 * The offline forward view of BP(lambda) (ALGORITHMS §3c): for one episode,
 * <pre>  G_{T-1} = 0,   G_t = (c_{t+1} + gamma [(1 - lambda) g_{t+1} + lambda G_{t+1}]) J_{t+1}</pre>
 * (0-based steps; the final step's future gradient is zero). With lambda = 1 it is the true,
 * gamma-discounted BPTT future gradient {@code G*_t}, whatever g is; with lambda = 0 the one-step
 * bootstrapped target.
 */
public final class LambdaTargets {

  private LambdaTargets() {
  }

  /**
   * @param c immediate loss gradients {@code c_t}, t = 0..T-1
   * @param g predictions {@code g_t} (the final one is not used)
   * @param jacobians {@code J_t}, t = 0..T-1
   * @return {@code G_t}, t = 0..T-1
   */
  public static double[][] of(double[][] c, double[][] g, StateJacobian[] jacobians, double lambda, double gamma) {
    int steps = c.length;
    int n = c[0].length;
    double[][] targets = new double[steps][n];
    double[] incoming = new double[n];
    for (int t = steps - 2; t >= 0; t--) {
      for (int i = 0; i < n; i++) {
        incoming[i] = c[t + 1][i] + gamma * ((1 - lambda) * g[t + 1][i] + lambda * targets[t + 1][i]);
      }
      jacobians[t + 1].vjp(incoming, targets[t]);
    }
    return targets;
  }
}
