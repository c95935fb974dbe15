package org.ccsim.plugins.bptt;

import java.util.ArrayList;
import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Network;
import org.ccsim.api.Optimiser;
import org.ccsim.api.Param;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.Tensor;
import org.ccsim.api.TrainingContext;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.testkit.LearningRuleContract;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;

/**
 * A rule that trains a group of its own beside the network's passes the learning-rule contract with
 * no checkpoint or divergence code of its own: the host (here the kit, with the host's
 * {@code TrainedGroups}) steps, checks, saves and restores the group. The rule adds a learned offset
 * {@code b} to the network's output, {@code y' = y + b}, and trains {@code b} and the readout on the
 * immediate loss gradient, handing both in one gradient.
 */
class OwnGroupRuleContractTest extends LearningRuleContract {

  @Override
  protected ComponentType<LearningRule> type() {
    return new OffsetRuleType();
  }

  @Override
  protected Network network() {
    TanhRnnType rnn = new TanhRnnType();
    return rnn.create(TestConfigs.of(rnn, "hidden", 5), new TestBuildContext(1, TestBuildContext.taskOfSize(3, 2), null));
  }

  /** The rule type: one group {@code offset} of its own, trained by {@code offsetOptimiser}. */
  static final class OffsetRuleType implements LearningRuleType {
    @Override
    public String id() {
      return "offset-test";
    }

    @Override
    public String description() {
      return "test rule: a learned output offset beside the readout";
    }

    @Override
    public List<Param> parameters() {
      return List.of(Param.component("offsetOptimiser", Optimiser.class, "adam", "optimiser of the offset b"));
    }

    @Override
    public LearningRule create(Config config, BuildContext context) {
      Network network = context.network();
      Tensor offset = Tensor.zeros("b_offset", "offset", 1, network.outputSize());
      context.trains("offset", List.of(offset), "offsetOptimiser");
      return (batch, training) -> train(network, offset, batch, training);
    }

    private static void train(Network network, Tensor offset, List<Episode> batch, TrainingContext context) {
      ParameterSet params = context.parameters();
      ParameterSet networkGrad = params.zerosLike();
      Tensor offsetGrad = offset.zerosLike();
      double[] y = new double[network.outputSize()];
      double[] dLdy = new double[network.outputSize()];
      double[] dLdh = new double[network.hiddenSize()];
      for (Episode episode : batch) {
        double[] h = network.initialState();
        for (int t = 0; t < episode.length(); t++) {
          Step step = network.newStep();
          network.forward(params, h, episode.input(t), step);
          for (int i = 0; i < y.length; i++) {
            y[i] = step.y[i] + offset.data()[i];
          }
          context.observeOutput(episode, t, y);
          episode.lossGradient(t, y, dLdy);
          network.readoutBackward(params, step, dLdy, networkGrad, dLdh);
          for (int i = 0; i < y.length; i++) {
            offsetGrad.data()[i] += dLdy[i];
          }
          h = step.h;
        }
      }
      List<Tensor> both = new ArrayList<>(networkGrad.tensors());
      both.add(offsetGrad);
      context.applyMean(new ParameterSet(both), batch.size());
    }
  }
}
