package org.ccsim.core.build;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Optimiser;
import org.ccsim.api.Param;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Range;
import org.ccsim.api.Task;
import org.ccsim.api.TaskType;
import org.ccsim.api.Tensor;
import org.ccsim.api.TrainingContext;

/**
 * An online test rule for {@link TrainingUnitTest.DrawNetwork} that, at one step of one batch, hands
 * the host a non-finite quantity: an output, a loss, a gradient, or a gradient so large that the
 * weights overflow; or it throws. It reports an output and applies a small gradient at every step, so a unit without
 * the fault trains on finitely; with {@link StepsTask}, episodes have several steps.
 */
public final class FaultyRuleType implements LearningRuleType {

  @Override
  public String id() {
    return "faulty-rule";
  }

  @Override
  public String description() {
    return "test rule that makes one quantity non-finite";
  }

  @Override
  public List<Param> parameters() {
    return List.of(Param.choice("fault", "none", List.of("none", "output", "loss", "gradient", "weight", "throw",
            "extra-gradient"), "what breaks (throw: the rule fails with an exception; extra-gradient: its own group's)"),
        Param.bool("ownGroup", false, "also train a group of its own, tensor e (1 x 2), with its own gradient steps"),
        Param.string("ownGroupName", "extra", "the name of that group"),
        Param.component("extraOptimiser", Optimiser.class, "sgd", "the optimiser of that group"),
        Param.integer("atBatch", 1, Range.atLeast(1), "the unit's batch it breaks in, from 1"),
        Param.integer("atStep", 0, Range.atLeast(0), "the step it breaks at"));
  }

  @Override
  public LearningRule create(Config config, BuildContext context) {
    String fault = config.string("fault");
    int atBatch = config.integer("atBatch");
    int atStep = config.integer("atStep");
    Tensor own = Tensor.zeros("e", config.string("ownGroupName"), 1, 2);
    if (config.bool("ownGroup")) {
      context.trains(own.group(), List.of(own), "extraOptimiser");
    }
    boolean trainsOwn = config.bool("ownGroup");
    return new LearningRule() {
      private int batches;

      @Override
      public void train(List<Episode> batch, TrainingContext context) {
        batches++;
        for (Episode episode : batch) {
          for (int t = 0; t < episode.length(); t++) {
            String now = batches == atBatch && t == atStep ? fault : "none";
            if (now.equals("throw")) {
              throw new IllegalStateException("faulty-rule fails at batch " + batches);
            }
            double output = now.equals("output") ? Double.NaN : 0.5;
            context.observeOutput(now.equals("loss") ? infiniteLoss(episode) : episode, t, new double[] {output});
            ParameterSet gradient = context.parameters().zerosLike();
            Arrays.fill(gradient.get("w").data(), now.equals("gradient") ? Double.POSITIVE_INFINITY
                : now.equals("weight") ? -Double.MAX_VALUE : 1e-3);
            context.apply(gradient);
            if (trainsOwn) {
              Tensor ownGradient = own.zerosLike();
              Arrays.fill(ownGradient.data(), now.equals("extra-gradient") ? Double.POSITIVE_INFINITY : 1e-3 * (t + 1));
              context.apply(new ParameterSet(List.of(ownGradient)));
            }
          }
        }
      }
    };
  }

  private static Episode infiniteLoss(Episode episode) {
    return new Episode() {
      public int length() {
        return episode.length();
      }

      public double[] input(int t) {
        return episode.input(t);
      }

      public boolean hasTarget(int t) {
        return true;
      }

      public double loss(int t, double[] y) {
        return Double.POSITIVE_INFINITY;
      }

      public void lossGradient(int t, double[] y, double[] out) {
        episode.lossGradient(t, y, out);
      }
    };
  }

  /** Episodes of {@code steps} steps with input 1 and loss 1 at every step. */
  public static final class StepsTask implements TaskType {
    @Override
    public String id() {
      return "steps-task";
    }

    @Override
    public String description() {
      return "test task";
    }

    @Override
    public List<Param> parameters() {
      return List.of(Param.integer("steps", 4, Range.atLeast(1), "episode length"));
    }

    @Override
    public Task create(Config config, BuildContext context) {
      int steps = config.integer("steps");
      return new Task() {
        public int inputSize() {
          return 1;
        }

        public int outputSize() {
          return 1;
        }

        public Episode sample(RandomGenerator random) {
          return new Episode() {
            public int length() {
              return steps;
            }

            public double[] input(int t) {
              return new double[] {1};
            }

            public boolean hasTarget(int t) {
              return true;
            }

            public double loss(int t, double[] y) {
              return 1;
            }

            public void lossGradient(int t, double[] y, double[] out) {
              out[0] = 0;
            }
          };
        }
      };
    }
  }
}
