package org.ccsim.api;

/**
 * A workspace in which a {@link Synthesiser} runs on a batch of states at once, for the rules that
 * predict or train it on every example of a batch at the same step (DNI, ALGORITHMS §3a). A
 * synthesiser whose layers are matrix products does each layer of the batch as one product; the
 * default, {@link #exampleByExample}, calls the per-example methods. A workspace holds its buffers
 * for the batch size it was made for and belongs to one caller (it is not thread-safe).
 */
public interface SynthesiserBatch {

  /** The number of states it takes at once. */
  int size();

  /**
   * Writes {@code g(h_b; theta)} into {@code g[b]} for every example b, and keeps what
   * {@link #accumulateParameterGradient} needs (the hidden activations, or a reference to {@code h}).
   */
  void predict(ParameterSet theta, double[][] h, double[][] g);

  /**
   * Adds {@code sum_b v_b dg(h_b)/dtheta} to {@code grad}, over the tensors of group
   * {@link Synthesiser#TRAINED}, at the states of the last {@link #predict} call, whose {@code h}
   * and {@code theta} must not have changed since.
   */
  void accumulateParameterGradient(ParameterSet theta, double[][] v, ParameterSet grad);

  /**
   * For diagnostics: the mean over the batch of {@link Synthesiser#activeFraction} at the states
   * {@code h}, NaN for a synthesiser without hidden units. Like {@link #predict}, it replaces what the
   * batch kept for {@link #accumulateParameterGradient}.
   */
  double activeFraction(ParameterSet theta, double[][] h);

  /** A batch that calls {@code synthesiser}'s per-example methods in example order. */
  static SynthesiserBatch exampleByExample(Synthesiser synthesiser, int size) {
    return new SynthesiserBatch() {
      private double[][] predicted;

      @Override
      public int size() {
        return size;
      }

      @Override
      public void predict(ParameterSet theta, double[][] h, double[][] g) {
        for (int b = 0; b < size; b++) {
          synthesiser.predict(theta, h[b], g[b]);
        }
        predicted = h;
      }

      @Override
      public void accumulateParameterGradient(ParameterSet theta, double[][] v, ParameterSet grad) {
        for (int b = 0; b < size; b++) {
          synthesiser.accumulateParameterGradient(theta, predicted[b], v[b], grad);
        }
      }

      @Override
      public double activeFraction(ParameterSet theta, double[][] h) {
        double sum = 0;
        for (int b = 0; b < size; b++) {
          sum += synthesiser.activeFraction(theta, h[b]);
        }
        return sum / size;
      }
    };
  }
}
