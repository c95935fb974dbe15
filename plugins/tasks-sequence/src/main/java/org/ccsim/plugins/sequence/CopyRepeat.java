package org.ccsim.plugins.sequence;

import java.util.random.RandomGenerator;
import org.ccsim.api.BitwiseCrossEntropyEpisode;
import org.ccsim.api.Curriculum;
import org.ccsim.api.Episode;
import org.ccsim.api.Task;

/**
 * The copy-repeat task (Graves, Wayne &amp; Danihelka 2014, "Neural Turing Machines", the repeat
 * copy task; as Pemberton &amp; Costa, TMLR 2024, "Accumulate BP(λ)", use it): a random binary pattern
 * is shown, then a repeat count, and the network must write the pattern out that many times and then
 * an end marker. Each episode draws its pattern length L uniformly from {@code minLength..maxLength},
 * its repeat count N from {@code minRepeats..maxRepeats}, then L x {@code bits} fair coin flips (the
 * reference: {@code rng.randint(0, 2, ...)}), all from the stream it is given; {@link CopyRepeatLayout}
 * places them.
 *
 * <p>The loss is {@link BitwiseCrossEntropyEpisode}'s: the logistic cross-entropy summed over the
 * {@code bits + 1} outputs of a scored step, and the host sums it over steps. The reference's
 * {@code torch.nn.BCEWithLogitsLoss} ({@code src/training/loss.py}, loss {@code xent_multiple} in
 * {@code scripts/copy-repeat.py}) takes the mean over outputs, scored steps and the batch instead, a
 * factor of {@code (bits + 1)(N L + 1)} per episode apart (and its learning signals divide by the batch
 * size and {@code bits + 1}, {@code get_output_derivative_nll_raw} in {@code src/model/eprop_synthgrad.py}).
 *
 * <p>Every episode has the same length, that of the longest layout,
 * {@code T = (maxRepeats + 1) maxLength + 3}: a shorter one is padded after its end marker with steps
 * of zero input and no target. The synthetic-gradient rules ({@code bp-lambda}, {@code dni},
 * {@code lambda-sg}) run a batch in lockstep and refuse episodes of different lengths in one batch,
 * and the host sizes what each rule keeps per step from one sampled episode
 * ({@link org.ccsim.api.BuildContext#episodeLength}). The padding changes no scored output (the
 * network is causal) and no loss; with a single length and a single repeat count, as in the
 * reference (one curriculum stage for the whole batch), there is none.
 */
final class CopyRepeat implements Task {

  /**
   * @param bits channels of a pattern step
   * @param minLength smallest pattern length L
   * @param maxLength largest pattern length L
   * @param minRepeats smallest repeat count N
   * @param maxRepeats largest repeat count N
   * @param repeatScale the repeat count is presented as N / repeatScale
   */
  record Spec(int bits, int minLength, int maxLength, int minRepeats, int maxRepeats, double repeatScale) {
  }

  private final Spec spec;
  private final CopyRepeatLayout layout;
  private final Curriculum curriculum;

  /** The task of {@code spec} with no curriculum: every episode drawn from the whole ranges. */
  CopyRepeat(Spec spec) {
    this(spec, null);
  }

  private CopyRepeat(Spec spec, Curriculum curriculum) {
    this.spec = spec;
    this.layout = new CopyRepeatLayout(spec.bits(), spec.repeatScale(),
        CopyRepeatLayout.length(spec.maxLength(), spec.maxRepeats()));
    this.curriculum = curriculum == null ? Curriculum.single(this) : curriculum;
  }

  /**
   * The task of {@code spec} trained through the reference's curriculum ({@link CopyRepeatCurriculum}),
   * moving on after a batch below {@code passBits} bits per output; its own episodes, which held-out
   * evaluation and the memory estimate see, are drawn from the whole ranges.
   */
  static CopyRepeat withCurriculum(Spec spec, double passBits) {
    return new CopyRepeat(spec, new CopyRepeatCurriculum(spec, passBits));
  }

  @Override
  public Curriculum curriculum() {
    return curriculum;
  }

  /** bits of the pattern, the start delimiter and the repeat count. */
  @Override
  public int inputSize() {
    return spec.bits() + 2;
  }

  /** bits of the pattern and the end marker. */
  @Override
  public int outputSize() {
    return spec.bits() + 1;
  }

  @Override
  public Episode sample(RandomGenerator random) {
    int length = random.nextInt(spec.minLength(), spec.maxLength() + 1);
    int repeats = random.nextInt(spec.minRepeats(), spec.maxRepeats() + 1);
    double[][] pattern = new double[length][spec.bits()];
    for (double[] step : pattern) {
      for (int b = 0; b < step.length; b++) {
        step[b] = random.nextInt(2);
      }
    }
    return episode(pattern, repeats);
  }

  /** The episode of a given pattern and repeat count, padded to the task's length. */
  BitwiseCrossEntropyEpisode episode(double[][] pattern, int repeats) {
    return layout.episode(pattern, repeats);
  }
}
