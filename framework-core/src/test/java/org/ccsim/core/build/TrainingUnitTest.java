package org.ccsim.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Network;
import org.ccsim.api.NetworkType;
import org.ccsim.api.Param;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Range;
import org.ccsim.api.Step;
import org.ccsim.api.Task;
import org.ccsim.api.TaskType;
import org.ccsim.api.Tensor;
import org.ccsim.api.TrainingContext;
import org.ccsim.core.compute.JavaComputeType;
import org.ccsim.core.optim.SgdType;
import org.ccsim.core.plugin.ComponentRegistry;
import org.ccsim.core.scenario.Scenario;
import org.ccsim.core.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a built unit gets. Paired comparison (README.md, "Seeds and reproducibility"): in a
 * replicate, every rule starts from the same initial weights and sees the same episodes, whatever
 * the rules are; other replicates get other weights and episodes. Each parameter group is updated
 * by its own optimiser.
 */
public class TrainingUnitTest {

  /** Episodes of one step whose input is one number drawn from the sample stream. */
  public static final class DrawTask implements TaskType {
    public String id() {
      return "draw-task";
    }

    public String description() {
      return "test task";
    }

    public List<Param> parameters() {
      return List.of();
    }

    public Task create(Config config, BuildContext context) {
      return new Task() {
        public int inputSize() {
          return 1;
        }

        public int outputSize() {
          return 1;
        }
        public Episode sample(RandomGenerator random) {
          double value = random.nextDouble();
          return new Episode() {
            public int length() {
              return 1;
            }

            public double[] input(int t) {
              return new double[] {value};
            }

            public boolean hasTarget(int t) {
              return true;
            }

            public double loss(int t, double[] y) {
              return 0;
            }

            public void lossGradient(int t, double[] y, double[] out) {
              out[0] = 0;
            }
          };
        }
      };
    }
  }

  /** A network whose only parameter is a random vector. */
  public static final class DrawNetwork implements NetworkType {
    public String id() {
      return "draw-net";
    }

    public String description() {
      return "test network";
    }

    public List<Param> parameters() {
      return List.of();
    }

    public Network create(Config config, BuildContext context) {
      return new Network() {
        public int inputSize() {
          return 1;
        }

        public int hiddenSize() {
          return 1;
        }

        public int outputSize() {
          return 1;
        }

        public ParameterSet initialParameters(RandomGenerator random) {
          Tensor w = Tensor.zeros("w", "cortex", 4, 1);
          Tensor v = Tensor.zeros("v", "readout", 2, 1);
          Arrays.setAll(w.data(), i -> random.nextGaussian());
          Arrays.setAll(v.data(), i -> random.nextGaussian());
          return new ParameterSet(List.of(w, v));
        }

        public double[] initialState() {
          return new double[1];
        }

        public void forward(ParameterSet params, double[] hPrev, double[] x, Step step) {
        }

        public void readoutBackward(ParameterSet p, Step s, double[] dLdy, ParameterSet g, double[] dLdh) {
        }

        public void stateVjp(ParameterSet p, Step s, double[] v, double[] out) {
        }

        public void stateJvp(ParameterSet p, Step s, double[] u, double[] out) {
        }

        public void stateJacobian(ParameterSet p, Step s, double[] out) {
        }

        public void accumulateParameterGradient(ParameterSet p, Step s, double[] v, ParameterSet g) {
        }
      };
    }
  }

  /** A rule that records its starting weights and the inputs it sees, then changes the weights. */
  static final class RecordingRuleType implements LearningRuleType {
    static final List<RecordingRule> CREATED = new ArrayList<>();

    public String id() {
      return "recording-rule";
    }

    public String description() {
      return "test rule";
    }

    public List<Param> parameters() {
      return List.of(Param.real("step", 1.0, Range.ANY, "how far it moves the weights"));
    }

    public LearningRule create(Config config, BuildContext context) {
      RecordingRule rule = new RecordingRule(config.real("step"));
      CREATED.add(rule);
      return rule;
    }
  }

  static final class RecordingRule implements LearningRule {
    final double step;
    ParameterSet initial;
    final List<Double> inputs = new ArrayList<>();

    RecordingRule(double step) {
      this.step = step;
    }

    public void train(List<Episode> batch, TrainingContext context) {
      if (initial == null) {
        initial = context.parameters().copy();
      }
      for (Episode e : batch) {
        inputs.add(e.input(0)[0]);
        context.observeOutput(e, 0, new double[1]);
      }
      ParameterSet gradient = context.parameters().zerosLike();
      Arrays.fill(gradient.get("w").data(), step);
      Arrays.fill(gradient.get("v").data(), step);
      context.apply(gradient);
    }
  }

  @TempDir
  Path dir;

  private BuiltScenario build(String training) throws IOException {
    ComponentRegistry registry = new ComponentRegistry(List.of(
        new ComponentRegistry.Entry(new DrawTask(), "test"), new ComponentRegistry.Entry(new DrawNetwork(), "test"),
        new ComponentRegistry.Entry(new RecordingRuleType(), "test"),
        new ComponentRegistry.Entry(new SgdType(), ComponentRegistry.BUILT_IN),
        new ComponentRegistry.Entry(new JavaComputeType(), ComponentRegistry.BUILT_IN)));
    Path file = dir.resolve("paired.json");
    Files.writeString(file, """
        {"scenario": "paired", "seed": 11, "replicates": 2,
         "task": {"type": "draw-task"}, "network": {"type": "draw-net"},
         "training": %s,
         "rules": {"slow": {"type": "recording-rule", "step": 0.1}, "fast": {"type": "recording-rule", "step": 5}}}
        """.formatted(training));
    Scenario scenario = new ScenarioReader(registry).read(file, List.of());
    return new ScenarioBuilder(registry).build(scenario, file.toString());
  }

  @Test
  void eachParameterGroupHasItsOwnOptimiser() throws IOException {
    BuiltScenario built = build("""
        {"epochs": 1, "optimiser": {"type": "sgd", "learningRate": 0.5},
         "groupOptimisers": {"readout": {"type": "sgd", "learningRate": 0}}}""");
    TrainingUnit unit = built.newUnit("fast", 1);
    ParameterSet before = unit.parameters().copy();
    unit.trainBatch(built.task(0), 2);
    assertEquals(before.get("v"), unit.parameters().get("v"), "readout frozen by its learning rate 0");
    assertEquals(before.get("w").data()[0] - 0.5 * 5, unit.parameters().get("w").data()[0], 1e-15,
        "cortex moved by the default optimiser");
  }

  @Test
  void everyRuleOfAReplicateStartsFromTheSameWeightsAndSeesTheSameEpisodes() throws IOException {
    BuiltScenario built = build("""
        {"epochs": 1, "optimiser": {"type": "sgd"}}""");

    RecordingRule[][] rules = new RecordingRule[3][2];
    for (int replicate = 1; replicate <= 2; replicate++) {
      for (int r = 0; r < 2; r++) {
        TrainingUnit unit = built.newUnit(r == 0 ? "slow" : "fast", replicate);
        rules[replicate][r] = RecordingRuleType.CREATED.get(RecordingRuleType.CREATED.size() - 1);
        for (int batch = 0; batch < 3; batch++) {
          unit.trainBatch(built.task(0), 4);
        }
      }
    }
    for (int replicate = 1; replicate <= 2; replicate++) {
      RecordingRule slow = rules[replicate][0];
      RecordingRule fast = rules[replicate][1];
      assertEquals(slow.initial, fast.initial, "same initial weights in replicate " + replicate);
      assertEquals(slow.inputs, fast.inputs, "same episodes in replicate " + replicate);
      assertEquals(12, slow.inputs.size());
    }
    assertNotEquals(rules[1][0].initial, rules[2][0].initial, "replicates differ in weights");
    assertNotEquals(rules[1][0].inputs, rules[2][0].inputs, "replicates differ in episodes");
  }
}
