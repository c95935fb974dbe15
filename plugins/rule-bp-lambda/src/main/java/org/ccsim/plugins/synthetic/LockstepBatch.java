package org.ccsim.plugins.synthetic;

import java.util.Arrays;
import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Episode;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.TrainingContext;

/**
 * A batch of episodes of equal length run through the cortex step by step, all examples at once,
 * keeping every step's record: the states {@code h_t}, the immediate loss gradients
 * {@code c_t = dl_t/dh_t} and the Jacobians {@code J_t} that synthetic-gradient rules need
 * (ALGORITHMS §1). For a rule that updates the weights during the batch ({@link #updatedDuring}),
 * it also keeps the weights each step ran with while a diagnostic that reads them is recorded
 * ({@link ParameterVersions}), so that the Jacobians and the diagnostics' passes after the batch use
 * those, not the batch's last weights (ALGORITHMS §5).
 */
public final class LockstepBatch {

  private final Network network;
  private final ParameterSet params;
  private List<Episode> episodes;
  private final int length;
  private final Step[][] steps;
  private final double[][][] states;
  private final double[][][] immediate;
  private final StateJacobian[][] jacobians;
  private final double[] dLdy;
  private final double[] initialState;
  /** The weights the rule updates during the batch, none if fixed (an array: looping allocates nothing). */
  private final ParameterVersions[] versions;

  /**
   * A batch whose weights stay fixed while it runs (the rule updates them after it, if at all).
   *
   * @param params the parameters the steps are run with; the Jacobians read them when used
   */
  public LockstepBatch(Network network, List<Episode> episodes, ParameterSet params) {
    this(network, episodes, params, new ParameterVersions[0]);
  }

  /**
   * A batch during which the rule updates the cortex's parameters and the synthesiser's: each
   * step's are kept as the step begins, for the diagnostics that read them ({@link
   * Diagnostics#READ_CORTEX}, {@link Diagnostics#READ_SYNTHESISER}), when they are recorded.
   */
  public static LockstepBatch updatedDuring(Network network, List<Episode> episodes, ParameterSet params,
      ParameterSet theta) {
    int length = episodes.get(0).length();
    return new LockstepBatch(network, episodes, params, new ParameterVersions[] {
        new ParameterVersions(params, length, Diagnostics.READ_CORTEX),
        new ParameterVersions(theta, length, Diagnostics.READ_SYNTHESISER)});
  }

  private LockstepBatch(Network network, List<Episode> episodes, ParameterSet params,
      ParameterVersions[] versions) {
    this.network = network;
    this.params = params;
    this.length = episodes.get(0).length();
    this.versions = versions;
    load(episodes);
    int batch = episodes.size();
    steps = new Step[length][batch];
    states = new double[length][batch][];
    immediate = new double[length][batch][network.hiddenSize()];
    jacobians = new StateJacobian[length][batch];
    dLdy = new double[network.outputSize()];
    initialState = network.initialState();
    for (int t = 0; t < length; t++) {
      int at = t;
      for (int b = 0; b < batch; b++) {
        Step step = network.newStep();
        steps[t][b] = step;
        states[t][b] = step.h;
        jacobians[t][b] = new StateJacobian() {
          @Override
          public void vjp(double[] v, double[] out) {
            network.stateVjp(ranWith(params, at), step, v, out);
          }

          @Override
          public void jvp(double[] u, double[] out) {
            network.stateJvp(ranWith(params, at), step, u, out);
          }

          @Override
          public void dense(double[] out) {
            network.stateJacobian(ranWith(params, at), step, out);
          }
        };
      }
    }
  }

  /**
   * Declares, for batches of {@link BuildContext#batchSize()} episodes of {@link
   * BuildContext#episodeLength()} steps, what a synthetic-gradient rule keeps per step and example:
   * the step record ({@code x, h_{t-1}, a, h, y}), {@code c_t}, the rule's own n-vector ({@code g_t}
   * or the future gradient) and one more for the diagnostics' offline BPTT pass.
   */
  public static void reserve(BuildContext context) {
    Network network = context.network();
    int m = network.inputSize();
    int n = network.hiddenSize();
    int k = network.outputSize();
    context.reserveStepRecords("episode records", "(m " + m + " + 6 x n " + n + " + k " + k + ")", m + 6.0 * n + k);
  }

  /**
   * Takes a new batch of the same size and episode length through the same records, so that a rule
   * training batch after batch allocates nothing (unless it keeps weights for a diagnostic).
   */
  public void load(List<Episode> batch) {
    if (episodes != null && batch.size() != episodes.size()) {
      throw new IllegalArgumentException("a batch of " + batch.size() + " episodes in records for " + episodes.size());
    }
    for (Episode e : batch) {
      if (e.length() != length) {
        throw new IllegalArgumentException("synthetic-gradient rules run a batch in lockstep: episodes of "
            + length + " and " + e.length() + " steps");
      }
    }
    this.episodes = batch;
    for (ParameterVersions kept : versions) {
      kept.clear();
    }
  }

  /** Whether {@link #load} can take this batch for these parameters. */
  public boolean fits(List<Episode> batch, ParameterSet parameters) {
    return parameters == params && batch.size() == episodes.size() && batch.get(0).length() == length;
  }

  public int length() {
    return length;
  }

  public int size() {
    return episodes.size();
  }

  /**
   * Runs step t of every example, reports its output, and adds the readout gradient of
   * {@code l_t} to {@code grad}; afterwards {@link #states}, {@link #immediate} and
   * {@link #jacobians} of step t are valid.
   */
  public void forward(int t, ParameterSet params, TrainingContext context, ParameterSet grad) {
    for (ParameterVersions kept : versions) {
      if (kept.neededBy(context)) {
        kept.keep(t);
      }
    }
    for (int b = 0; b < episodes.size(); b++) {
      Episode episode = episodes.get(b);
      double[] previous = t == 0 ? initialState : steps[t - 1][b].h;
      Step step = steps[t][b];
      network.forward(params, previous, episode.input(t), step);
      context.observeOutput(episode, t, step.y);
      episode.lossGradient(t, step.y, dLdy);
      network.readoutBackward(params, step, dLdy, grad, immediate[t][b]);
    }
  }

  /** Adds {@code signal_b dh_t/dPsi} of every example b to {@code grad}. */
  public void accumulateCortex(int t, ParameterSet params, double[][] signal, ParameterSet grad) {
    for (int b = 0; b < episodes.size(); b++) {
      network.accumulateParameterGradient(params, steps[t][b], signal[b], grad);
    }
  }

  /**
   * The values {@code live} (the cortex's parameters, or the synthesiser's handed to {@link
   * #updatedDuring}) had as step t began: a copy kept then, or {@code live} itself when the batch
   * kept none (its weights are fixed, or no diagnostic that reads them is recorded).
   */
  ParameterSet ranWith(ParameterSet live, int t) {
    for (ParameterVersions kept : versions) {
      if (kept.live() == live) {
        return kept.at(t);
      }
    }
    return live;
  }

  /** {@code h_t} per example. */
  public double[][] states(int t) {
    return states[t];
  }

  /** {@code h_{t-1}} per example: the initial state for t = 0. */
  public double[][] statesBefore(int t) {
    if (t > 0) {
      return states[t - 1];
    }
    double[][] initial = new double[episodes.size()][];
    Arrays.fill(initial, initialState);
    return initial;
  }

  /** {@code c_t} per example. */
  public double[][] immediate(int t) {
    return immediate[t];
  }

  /** {@code J_t} per example. */
  public StateJacobian[] jacobians(int t) {
    return jacobians[t];
  }

  /** The Jacobians of example b over the episode. */
  public StateJacobian[] jacobiansOf(int b) {
    StateJacobian[] of = new StateJacobian[length];
    for (int t = 0; t < length; t++) {
      of[t] = jacobians[t][b];
    }
    return of;
  }

  /** {@code c_t} of example b over the episode. */
  public double[][] immediateOf(int b) {
    return ofExample(immediate, b);
  }

  /** The per-step vectors of example b from an array indexed [step][example] (not copied). */
  public static double[][] ofExample(double[][][] perStep, int b) {
    double[][] of = new double[perStep.length][];
    for (int t = 0; t < perStep.length; t++) {
      of[t] = perStep[t][b];
    }
    return of;
  }
}
