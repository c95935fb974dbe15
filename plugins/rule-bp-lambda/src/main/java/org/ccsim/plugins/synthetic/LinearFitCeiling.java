package org.ccsim.plugins.synthetic;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The ceiling of any linear synthesiser on a batch's trajectories (issue 15's diagnostic
 * {@code linear-fit-alignment}): the least-squares linear map {@code G ~ Theta [h; 1]} from the
 * states to the true future gradients over every example and non-terminal step (minimum-norm when
 * the states do not determine it, by the pseudo-inverse), and the mean cosine of its predictions with
 * {@code G*}, averaged as {@code sg-alignment} is. No linear synthesiser, however trained, aligns
 * better on average in the least-squares sense; a cosine can still beat it on some steps.
 */
final class LinearFitCeiling {

  private LinearFitCeiling() {
  }

  /**
   * @param states {@code h_t} per sample (example and step)
   * @param futures {@code G*_t} per sample
   * @return the mean over samples of the cosine of the fit's prediction with {@code G*_t} (0 for a
   *     zero vector)
   */
  static double alignment(double[][] states, double[][] futures) {
    int samples = states.length;
    int inputs = states[0].length + 1;
    int n = futures[0].length;
    DMatrixRMaj x = new DMatrixRMaj(samples, inputs);
    DMatrixRMaj y = new DMatrixRMaj(samples, n);
    for (int s = 0; s < samples; s++) {
      for (int j = 0; j < inputs - 1; j++) {
        x.unsafe_set(s, j, states[s][j]);
      }
      x.unsafe_set(s, inputs - 1, 1);
      for (int i = 0; i < n; i++) {
        y.unsafe_set(s, i, futures[s][i]);
      }
    }
    LinearSolverDense<DMatrixRMaj> pseudoInverse = LinearSolverFactory_DDRM.pseudoInverse(true);
    if (!pseudoInverse.setA(x.copy())) {
      return Double.NaN;
    }
    DMatrixRMaj map = new DMatrixRMaj(inputs, n);
    pseudoInverse.solve(y, map);
    double sum = 0;
    double[] fitted = new double[n];
    for (int s = 0; s < samples; s++) {
      for (int i = 0; i < n; i++) {
        double value = 0;
        for (int j = 0; j < inputs; j++) {
          value += x.unsafe_get(s, j) * map.unsafe_get(j, i);
        }
        fitted[i] = value;
      }
      sum += Diagnostics.cosine(null, 1, fitted, null, 1, futures[s]);
    }
    return sum / samples;
  }
}
