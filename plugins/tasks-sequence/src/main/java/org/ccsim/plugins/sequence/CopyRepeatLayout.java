package org.ccsim.plugins.sequence;

import org.ccsim.api.BitwiseCrossEntropyEpisode;

/**
 * Where one copy-repeat episode puts its pattern, its repeat count and its targets: the layout of the
 * reference generator (neuralml/bp_lambda, {@code src/dataset/copy_repeat.py},
 * {@code BatchGenerator.sample_data}, whose pattern length and repeat count are called N and R there).
 * For a pattern of L steps of {@code bits} bits repeated N times, the episode proper has
 * {@code T = (N + 1) L + 3} steps t = 0..T-1:
 * <ul>
 *   <li>inputs, {@code bits + 2} channels: at t = 0 the start delimiter, 1 on channel {@code bits};
 *       at t = 1..L the pattern on channels 0..bits-1; at t = L + 1 the repeat count as
 *       {@code N / repeatScale} on channel {@code bits + 1}; zero everywhere else, in particular on
 *       every step the network answers;
 *   <li>targets, {@code bits + 1} channels, on t = L + 2..T-1 only (the reference scores from its
 *       {@code task_start = N + 2} to the end): the pattern N times over on t = L + 2..L + 1 + N L, with
 *       0 on channel {@code bits}; at t = T - 1 the end marker, 1 on channel {@code bits} and 0 on the
 *       others. Earlier steps have no target.
 * </ul>
 * An episode shorter than {@link #steps} continues after its end marker with steps of zero input and
 * no target, up to {@link #steps} (see {@link CopyRepeat} for why).
 *
 * @param bits the channels of one pattern step
 * @param repeatScale the repeat count is presented divided by this
 * @param steps the length every episode is given, at least {@link #length} of its pattern and repeats
 */
record CopyRepeatLayout(int bits, double repeatScale, int steps) {

  /** Input channel of the start delimiter; the output channel of the end marker has the same index. */
  int delimiterChannel() {
    return bits;
  }

  /** Input channel of the repeat count. */
  int repeatChannel() {
    return bits + 1;
  }

  /** {@code T = (N + 1) L + 3}: start delimiter, L pattern steps, repeat count, N L answers, end marker. */
  static int length(int patternLength, int repeats) {
    return (repeats + 1) * patternLength + 3;
  }

  /**
   * The episode of {@code pattern} (L rows of {@code bits} values 0 or 1) repeated {@code repeats}
   * times, padded to {@link #steps}.
   */
  BitwiseCrossEntropyEpisode episode(double[][] pattern, int repeats) {
    int patternLength = pattern.length;
    int end = length(patternLength, repeats) - 1;
    if (end >= steps) {
      throw new IllegalArgumentException("a pattern of " + patternLength + " steps repeated " + repeats
          + " times needs " + (end + 1) + " steps, more than the " + steps + " of this layout");
    }
    double[][] inputs = new double[steps][bits + 2];
    double[][] targets = new double[steps][];
    inputs[0][delimiterChannel()] = 1;
    for (int t = 0; t < patternLength; t++) {
      System.arraycopy(pattern[t], 0, inputs[1 + t], 0, bits);
    }
    inputs[patternLength + 1][repeatChannel()] = repeats / repeatScale;
    int answer = patternLength + 2;
    for (int t = answer; t < end; t++) {
      targets[t] = new double[bits + 1];
      System.arraycopy(pattern[(t - answer) % patternLength], 0, targets[t], 0, bits);
    }
    targets[end] = new double[bits + 1];
    targets[end][delimiterChannel()] = 1;
    return new BitwiseCrossEntropyEpisode(inputs, targets);
  }
}
