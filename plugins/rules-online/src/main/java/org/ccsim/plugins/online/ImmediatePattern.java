package org.ccsim.plugins.online;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;

/**
 * The sparsity pattern of the immediate parameter Jacobian {@code I_t}: for each parameter p of Psi,
 * the state rows {@code R(p)} it feeds within one step (its own unit on the tanh RNN; its unit's
 * {@code h} and {@code c} on the LSTM). This is the pattern SnAp-1 keeps of the influence matrix
 * (Menick et al., ICLR 2021) and the one local eligibility traces live on.
 *
 * <p>The pattern is read once from a dense {@code I_t} at a state and input drawn at random, where a
 * structural zero is the only way an entry vanishes (with probability one). Its values are then read
 * at every step without the dense Jacobian: the rows are coloured so that no parameter feeds two rows
 * of one colour, and one product {@link Network#accumulateParameterGradient} with the indicator of a
 * colour's rows yields every entry in those rows at once (Curtis, Powell &amp; Reid's compression of a
 * sparse Jacobian). The tanh RNN needs one colour, the LSTM two, so a step costs {@code O(|Psi|)}.
 *
 * <p>Entries are numbered parameter by parameter: those of p are {@code start(p)} to
 * {@code start(p + 1) - 1}, each with its {@link #row}.
 */
final class ImmediatePattern {

  private final Network network;
  private final ParameterLayout layout;
  private final int[] start;
  private final int[] row;
  private final int[] parameter;
  /** Per colour: the indicator of its rows, and the entries in them. */
  private final double[][] indicators;
  private final int[][] entriesByColour;
  private final ParameterSet scratch;
  private final double[] flat;

  ImmediatePattern(Network network, ParameterLayout layout, ParameterSet params, RandomGenerator probe) {
    this.network = network;
    this.layout = layout;
    int n = network.hiddenSize();
    int size = layout.size();
    double[] dense = probedJacobian(network, layout, params, probe);
    this.start = new int[size + 1];
    List<Integer> rows = new ArrayList<>();
    List<Integer> parameters = new ArrayList<>();
    for (int p = 0; p < size; p++) {
      start[p] = rows.size();
      for (int r = 0; r < n; r++) {
        if (dense[r * size + p] != 0) {
          rows.add(r);
          parameters.add(p);
        }
      }
    }
    start[size] = rows.size();
    this.row = rows.stream().mapToInt(Integer::intValue).toArray();
    this.parameter = parameters.stream().mapToInt(Integer::intValue).toArray();
    int[] colour = colourRows(n);
    int colours = Arrays.stream(colour).max().orElse(-1) + 1;
    this.indicators = new double[colours][n];
    for (int r = 0; r < n; r++) {
      indicators[colour[r]][r] = 1.0;
    }
    this.entriesByColour = new int[colours][];
    for (int k = 0; k < colours; k++) {
      final int c = k;
      entriesByColour[k] = IntStream.range(0, row.length).filter(e -> colour[row[e]] == c).toArray();
    }
    this.scratch = params.zerosLike();
    this.flat = new double[size];
  }

  private static double[] probedJacobian(Network network, ParameterLayout layout, ParameterSet params,
      RandomGenerator probe) {
    double[] state = probe.doubles(network.hiddenSize(), -0.9, 0.9).toArray();
    double[] input = probe.doubles(network.inputSize(), -1.0, 1.0).toArray();
    Step step = network.newStep();
    network.forward(params, state, input, step);
    double[] dense = new double[network.hiddenSize() * layout.size()];
    new ImmediateJacobian(network, layout, params).write(params, step, dense);
    return dense;
  }

  /** Greedy colouring: a row takes the smallest colour no earlier row it shares a parameter with has. */
  private int[] colourRows(int n) {
    int[] colour = new int[n];
    Arrays.fill(colour, -1);
    boolean[][] shared = new boolean[n][n];
    for (int p = 0; p + 1 < start.length; p++) {
      for (int e = start[p]; e < start[p + 1]; e++) {
        for (int f = start[p]; f < start[p + 1]; f++) {
          shared[row[e]][row[f]] = true;
        }
      }
    }
    for (int r = 0; r < n; r++) {
      boolean[] taken = new boolean[n];
      for (int q = 0; q < r; q++) {
        if (shared[r][q]) {
          taken[colour[q]] = true;
        }
      }
      int c = 0;
      while (taken[c]) {
        c++;
      }
      colour[r] = c;
    }
    return colour;
  }

  /** The number of entries, {@code sum_p |R(p)|}. */
  int entries() {
    return row.length;
  }

  /** |Psi|. */
  int parameters() {
    return start.length - 1;
  }

  /** The first entry of parameter p; {@code start(|Psi|)} is {@link #entries()}. */
  int start(int p) {
    return start[p];
  }

  /** The state row of entry e. */
  int row(int e) {
    return row[e];
  }

  /** The largest {@code |R(p)|}. */
  int widestParameter() {
    int widest = 0;
    for (int p = 0; p + 1 < start.length; p++) {
      widest = Math.max(widest, start[p + 1] - start[p]);
    }
    return widest;
  }

  /** Writes the entries of {@code I_t} at {@code step}, in entry order, into {@code values}. */
  void write(ParameterSet params, Step step, double[] values) {
    for (int k = 0; k < indicators.length; k++) {
      scratch.clear();
      network.accumulateParameterGradient(params, step, indicators[k], scratch);
      layout.flatten(scratch, flat, 0);
      for (int e : entriesByColour[k]) {
        values[e] = flat[parameter[e]];
      }
    }
  }
}
