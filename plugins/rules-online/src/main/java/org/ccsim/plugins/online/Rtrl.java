package org.ccsim.plugins.online;

import java.util.Arrays;
import java.util.List;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.TrainingContext;
import org.ccsim.api.compute.Compute;

/**
 * Real-time recurrent learning (Williams &amp; Zipser 1989; ALGORITHMS §8): each example carries the
 * influence matrix {@code M_t = ds_t/dPsi} forward, {@code M_t = J_t M_{t-1} + I_t} from
 * {@code M_0 = 0}, and the gradient estimate of step t is {@code c_t M_t}; the readout takes its
 * immediate gradient. With frozen weights the sum over an episode is BPTT's gradient (ALGORITHMS §6
 * identity 7). The product {@code J_t M_{t-1}} (n x n times n x |Psi|, {@code 2 n^2 |Psi|} flops)
 * has the shape of the BP(lambda) trace update and runs through the scenario's {@link Compute}.
 * Gradients are handed over once per batch ({@link Update#EPISODE}) or after every step
 * ({@link Update#STEP}, the online form: later steps run with the updated weights while the
 * influence matrices carry on).
 */
final class Rtrl implements LearningRule {

  /** When gradients are handed to the optimiser. */
  enum Update { EPISODE, STEP }

  private final Network network;
  private final Compute compute;
  private final Update update;

  Rtrl(Network network, Compute compute, Update update) {
    this.network = network;
    this.compute = compute;
    this.update = update;
  }

  @Override
  public void train(List<Episode> batch, TrainingContext context) {
    ParameterSet params = context.parameters();
    ImmediateJacobian immediate = new ImmediateJacobian(network, params);
    int n = network.hiddenSize();
    int size = immediate.size();
    int examples = batch.size();
    int length = batch.stream().mapToInt(Episode::length).max().orElse(0);
    double[][] influence = new double[examples][n * size];
    double[][] state = new double[examples][];
    Step[][] steps = new Step[examples][2];
    for (int b = 0; b < examples; b++) {
      state[b] = network.initialState();
      steps[b][0] = network.newStep();
      steps[b][1] = network.newStep();
    }
    double[] product = new double[n * size];
    double[] jacobian = new double[n * n];
    double[] dLdy = new double[network.outputSize()];
    double[] c = new double[n];
    double[] flat = new double[size];
    ParameterSet grad = params.zerosLike();
    for (int t = 0; t < length; t++) {
      for (int b = 0; b < examples; b++) {
        Episode episode = batch.get(b);
        if (t >= episode.length()) {
          continue;
        }
        Step step = steps[b][t % 2];
        network.forward(params, state[b], episode.input(t), step);
        state[b] = step.h;
        context.observeOutput(episode, t, step.y);
        network.stateJacobian(params, step, jacobian);
        compute.gemm(false, false, n, size, n, 1.0, jacobian, 0, n, influence[b], 0, size, 0.0, product, 0, size);
        immediate.write(params, step, influence[b]);
        for (int i = 0; i < product.length; i++) {
          influence[b][i] += product[i];
        }
        episode.lossGradient(t, step.y, dLdy);
        network.readoutBackward(params, step, dLdy, grad, c);
        compute.gemv(true, n, size, 1.0, influence[b], 0, size, c, 0, 1.0, flat, 0);
      }
      if (update == Update.STEP) {
        handOver(immediate, flat, grad, examples, context);
      }
    }
    if (update == Update.EPISODE) {
      handOver(immediate, flat, grad, examples, context);
    }
  }

  private static void handOver(ImmediateJacobian immediate, double[] flat, ParameterSet grad, int examples,
      TrainingContext context) {
    immediate.addTo(flat, grad);
    Arrays.fill(flat, 0.0);
    context.applyMean(grad, examples);
  }
}
