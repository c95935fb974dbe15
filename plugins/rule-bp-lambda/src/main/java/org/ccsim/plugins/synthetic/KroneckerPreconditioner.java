package org.ccsim.plugins.synthetic;

import java.util.Arrays;
import java.util.List;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Snapshot;
import org.ccsim.api.Stateful;
import org.ccsim.api.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Preconditioned synthesiser updates (docs/ALGORITHMS.md §9a): for a synthesiser linear in its
 * trained weights, {@code g = W z + b = Theta [z; 1]}, the Gauss-Newton matrix of the squared
 * prediction error over {@code vec(Theta)} (rows of Theta stacked) is {@code I_n (x) C} with
 * {@code C = E[z~ z~^T]}, {@code z~ = [z; 1]} (the one-layer case of Martens &amp; Grosse's
 * Kronecker-factored curvature, 2015). The update direction {@code U} (n x (m+1), the gradient of
 * {@code W} beside that of {@code b}) becomes
 * <pre>  U (C + eps I)^{-1}</pre>
 * with {@code C} a running mean over updates, {@code C <- (1 - rho) C + rho mean z~ z~^T} over the
 * states {@link #observe observed} since the previous update (the first update sets {@code C} to
 * that mean). Cost: {@code (m+1)^2} per observed state and one Cholesky solve of order {@code m+1}
 * per update. {@code C} is the component's training state, saved in checkpoints.
 */
public final class KroneckerPreconditioner implements Stateful {

  private final JacobianSynthesiser synthesiser;
  private final ParameterSet theta;
  private final double rate;
  private final double ridge;
  private final int n;
  private final int m;
  private final int order;
  private final double[] covariance;
  private final double[] observedSum;
  private final double[] z;
  private final DMatrixRMaj system;
  private final DMatrixRMaj directions;
  private final DMatrixRMaj scaled;
  private final LinearSolverDense<DMatrixRMaj> cholesky;
  private int observed;
  private boolean started;

  /**
   * @param synthesiser linear in its trained weights ({@link JacobianSynthesiser#readoutInputs})
   * @param theta its parameters, read when a state is observed
   * @param rate rho, the weight of the newest mean in the running covariance (0, 1]
   * @param ridge eps &gt; 0, added to the diagonal of {@code C}
   */
  public KroneckerPreconditioner(JacobianSynthesiser synthesiser, ParameterSet theta, double rate, double ridge) {
    this.synthesiser = synthesiser;
    this.theta = theta;
    this.rate = rate;
    this.ridge = ridge;
    this.n = synthesiser.size();
    this.m = synthesiser.readoutInputs();
    this.order = m + 1;
    this.covariance = new double[order * order];
    this.observedSum = new double[order * order];
    this.z = new double[order];
    this.system = new DMatrixRMaj(order, order);
    this.directions = new DMatrixRMaj(order, n);
    this.scaled = new DMatrixRMaj(order, n);
    this.cholesky = LinearSolverFactory_DDRM.chol(order);
  }

  /** The doubles it holds for a synthesiser with {@code m} readout inputs and output size n. */
  public static double bytes(int n, int m) {
    double order = m + 1.0;
    return Double.BYTES * (3 * order * order + 2 * order * n + order);
  }

  /** Takes in the states whose predictions the coming update trains, one per example. */
  public void observe(double[][] states) {
    for (double[] h : states) {
      synthesiser.readoutInput(theta, h, z);
      z[m] = 1;
      for (int i = 0; i < order; i++) {
        double zi = z[i];
        int row = i * order;
        for (int j = 0; j < order; j++) {
          observedSum[row + j] += zi * z[j];
        }
      }
      observed++;
    }
  }

  /**
   * Replaces the trained gradient {@code [W, b]} in place by {@code U (C + eps I)^{-1}}, after
   * folding the states observed since the last call into {@code C}. Without any state observed yet,
   * {@code C} is zero and the update is {@code U / eps}.
   */
  public void precondition(List<Tensor> gradient) {
    foldObserved();
    double[] w = gradient.get(0).data();
    double[] b = gradient.get(1).data();
    for (int i = 0; i < order; i++) {
      for (int j = 0; j < order; j++) {
        system.unsafe_set(i, j, covariance[i * order + j] + (i == j ? ridge : 0));
      }
    }
    for (int a = 0; a < n; a++) {
      for (int j = 0; j < m; j++) {
        directions.unsafe_set(j, a, w[a * m + j]);
      }
      directions.unsafe_set(m, a, b[a]);
    }
    if (!cholesky.setA(system)) {
      throw new IllegalStateException("C + eps I is not positive definite (eps " + ridge + "): C holds non-finite values");
    }
    cholesky.solve(directions, scaled);
    for (int a = 0; a < n; a++) {
      for (int j = 0; j < m; j++) {
        w[a * m + j] = scaled.unsafe_get(j, a);
      }
      b[a] = scaled.unsafe_get(m, a);
    }
  }

  private void foldObserved() {
    if (observed == 0) {
      return;
    }
    double keep = started ? 1 - rate : 0;
    double add = started ? rate : 1;
    for (int k = 0; k < covariance.length; k++) {
      covariance[k] = keep * covariance[k] + add * observedSum[k] / observed;
    }
    Arrays.fill(observedSum, 0.0);
    observed = 0;
    started = true;
  }

  @Override
  public void saveState(Snapshot into) {
    into.putDoubles("covariance", covariance);
    into.putDoubles("observed-sum", observedSum);
    into.putLongs("observed", observed, started ? 1 : 0);
  }

  @Override
  public void restoreState(Snapshot from) {
    from.copyInto("covariance", covariance);
    from.copyInto("observed-sum", observedSum);
    long[] counts = from.longs("observed");
    observed = Math.toIntExact(counts[0]);
    started = counts[1] == 1;
  }
}
