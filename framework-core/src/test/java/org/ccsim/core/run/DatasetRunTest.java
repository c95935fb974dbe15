package org.ccsim.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Network;
import org.ccsim.api.NetworkType;
import org.ccsim.api.Param;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.SoftmaxCrossEntropyEpisode;
import org.ccsim.api.SquaredErrorEpisode;
import org.ccsim.api.Step;
import org.ccsim.api.Task;
import org.ccsim.api.TaskType;
import org.ccsim.api.Tensor;
import org.ccsim.api.TrainingContext;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.build.ScenarioBuilder;
import org.ccsim.core.build.TrainingUnit;
import org.ccsim.core.compute.JavaComputeType;
import org.ccsim.core.optim.SgdType;
import org.ccsim.core.plugin.ComponentRegistry;
import org.ccsim.core.results.MetricRow;
import org.ccsim.core.results.SnapshotStore;
import org.ccsim.core.scenario.Scenario;
import org.ccsim.core.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on a finite dataset and held-out evaluation (issue 17): an epoch left without
 * {@code batchesPerEpoch} is one pass over the examples, each seen once, in an order shuffled anew
 * every epoch, the same for every rule of a replicate and restored exactly from a checkpoint;
 * {@code accuracy} is recorded for class targets; {@code evaluation} records the held-out split's
 * mean loss and accuracy at its epochs, on the same episodes every time.
 */
class DatasetRunTest {

  static final int TRAIN_EXAMPLES = 12;
  static final int TEST_EXAMPLES = 6;

  /**
   * One-step examples with input {@code (1, 0, index)} and class {@code index % 2}: the echo network
   * scores class 0 higher, so half the examples are right.
   */
  static final class DatasetType implements TaskType {
    public String id() {
      return "dataset-task";
    }

    public String description() {
      return "test dataset";
    }

    public List<Param> parameters() {
      return List.of();
    }

    public Task create(Config config, BuildContext context) {
      return new Split(TRAIN_EXAMPLES, 0);
    }

    record Split(int examples, int firstIndex) implements Task {
      public int inputSize() {
        return 3;
      }

      public int outputSize() {
        return 2;
      }

      public Episode sample(RandomGenerator random) {
        return example(random.nextInt(examples));
      }

      public Episode example(int index) {
        return new SoftmaxCrossEntropyEpisode(new double[][] {{1, 0, firstIndex + index}}, new int[] {index % 2});
      }

      public Task heldOut(String split) {
        return split.equals(Task.TEST) ? new Split(TEST_EXAMPLES, 100) : this;
      }
    }
  }

  /** One-step episodes whose input and target are one number drawn from the sample stream. */
  static final class DrawTargetType implements TaskType {
    public String id() {
      return "draw-target-task";
    }

    public String description() {
      return "test generated task";
    }

    public List<Param> parameters() {
      return List.of();
    }

    public Task create(Config config, BuildContext context) {
      return new Task() {
        public int inputSize() {
          return 3;
        }

        public int outputSize() {
          return 2;
        }

        public Episode sample(RandomGenerator random) {
          double value = random.nextDouble();
          return new SquaredErrorEpisode(new double[][] {{value, 0, -1}}, new double[][] {{value, value}});
        }
      };
    }
  }

  /** A network whose output is the first two inputs, whatever its one weight. */
  static final class EchoType implements NetworkType {
    public String id() {
      return "echo-net";
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
          return 3;
        }

        public int hiddenSize() {
          return 1;
        }

        public int outputSize() {
          return 2;
        }

        public ParameterSet initialParameters(RandomGenerator random) {
          return new ParameterSet(List.of(Tensor.zeros("w", "cortex", 1, 1)));
        }

        public double[] initialState() {
          return new double[1];
        }

        public void forward(ParameterSet params, double[] hPrev, double[] x, Step step) {
          System.arraycopy(x, 0, step.x, 0, 3);
          step.y[0] = x[0];
          step.y[1] = x[1];
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

  /** A rule that outputs the echo network's scores and notes the index of every example it trains on. */
  static final class NotingRuleType implements LearningRuleType {
    final List<List<Integer>> seen = new ArrayList<>();

    public String id() {
      return "noting-rule";
    }

    public String description() {
      return "test rule";
    }

    public List<Param> parameters() {
      return List.of();
    }

    public LearningRule create(Config config, BuildContext context) {
      List<Integer> indices = new ArrayList<>();
      seen.add(indices);
      return (batch, training) -> batch.forEach(episode -> {
        indices.add((int) episode.input(0)[2]);
        training.observeOutput(episode, 0, new double[] {episode.input(0)[0], episode.input(0)[1]});
      });
    }
  }

  @TempDir
  Path dir;

  private final NotingRuleType rules = new NotingRuleType();

  private BuiltScenario build(String task, String extra) throws IOException {
    ComponentRegistry registry = new ComponentRegistry(List.of(
        new ComponentRegistry.Entry(new DatasetType(), "test"),
        new ComponentRegistry.Entry(new DrawTargetType(), "test"),
        new ComponentRegistry.Entry(new EchoType(), "test"),
        new ComponentRegistry.Entry(rules, "test"),
        new ComponentRegistry.Entry(new SgdType(), ComponentRegistry.BUILT_IN),
        new ComponentRegistry.Entry(new JavaComputeType(), ComponentRegistry.BUILT_IN)));
    Path file = Files.writeString(dir.resolve("dataset.json"), """
        {"scenario": "dataset", "seed": 9, "replicates": 2,
         "task": {"type": "%s"}, "network": {"type": "echo-net"},
         "training": {"epochs": 3, "batchSize": 4, "optimiser": {"type": "sgd"}},
         "rules": {"a": {"type": "noting-rule"}, "b": {"type": "noting-rule"}}%s}
        """.formatted(task, extra));
    Scenario scenario = new ScenarioReader(registry).read(file, List.of());
    BuiltScenario built = new ScenarioBuilder(registry).build(scenario, file.toString());
    rules.seen.clear(); // the dry run's
    return built;
  }

  /** Every unit's rows, by "rule/replicate", in a run on one thread. */
  private static Map<String, List<MetricRow>> run(BuiltScenario built) {
    Map<String, List<MetricRow>> rows = new TreeMap<>();
    new Runner(built, 1, (rule, replicate, epoch) -> { }).run(u -> rows.put(u.rule() + "/" + u.replicate(), u.rows()));
    return rows;
  }

  @Test
  void anEpochIsOnePassOverTheExamplesInAFreshOrderSharedByTheRulesOfAReplicate() throws IOException {
    BuiltScenario built = build("dataset-task", "");
    assertEquals(TRAIN_EXAMPLES / 4, built.scenario().training().batchesPerEpoch(), "one pass of 12 examples in batches of 4");
    run(built);
    assertEquals(4, rules.seen.size());
    // units run in order a/1, b/1, a/2, b/2 on one thread
    List<Integer> first = rules.seen.get(0);
    assertEquals(3 * TRAIN_EXAMPLES, first.size());
    List<Integer> all = IntStream.range(0, TRAIN_EXAMPLES).boxed().toList();
    for (int epoch = 0; epoch < 3; epoch++) {
      assertEquals(all, first.subList(epoch * TRAIN_EXAMPLES, (epoch + 1) * TRAIN_EXAMPLES).stream().sorted().toList(),
          "epoch " + (epoch + 1) + " sees each example once");
    }
    assertNotEquals(first.subList(0, TRAIN_EXAMPLES), first.subList(TRAIN_EXAMPLES, 2 * TRAIN_EXAMPLES), "a fresh order every epoch");
    assertNotEquals(all, first.subList(0, TRAIN_EXAMPLES), "shuffled");
    assertEquals(first, rules.seen.get(1), "the rules of a replicate train on the same examples in the same order");
    assertNotEquals(first, rules.seen.get(2), "another replicate, another order");
  }

  @Test
  void classTargetsRecordAccuracyAndTheEvaluationRecordsTheHeldOutSplit() throws IOException {
    Map<String, List<MetricRow>> rows = run(build("dataset-task", ", \"evaluation\": {\"every\": 2, \"examples\": 4}"));
    List<MetricRow> unit = rows.get("a/1");
    assertEquals(List.of(1, 2, 3), epochs(unit, "accuracy"));
    unit.stream().filter(r -> r.metric().equals("accuracy"))
        .forEach(r -> assertEquals(0.5, r.value(), 1e-15, "half the examples are of class 0"));
    assertEquals(List.of(2, 3), epochs(unit, "test-loss"), "every 2 epochs and at the last");
    double classZero = Math.log(1 + Math.exp(-1));
    double classOne = Math.log(1 + Math.exp(1));
    // test examples 0..3 of the split: classes 0, 1, 0, 1
    unit.stream().filter(r -> r.metric().equals("test-loss"))
        .forEach(r -> assertEquals((classZero + classOne) / 2, r.value(), 1e-15));
    unit.stream().filter(r -> r.metric().equals("test-accuracy")).forEach(r -> assertEquals(0.5, r.value(), 1e-15));
    assertEquals(List.of(2, 3), epochs(unit, "test-accuracy"));
  }

  @Test
  void aGeneratedTaskIsEvaluatedOnTheSameEpisodesOfItsReplicateEveryTime() throws IOException {
    Map<String, List<MetricRow>> rows = run(build("draw-target-task", ", \"evaluation\": {\"examples\": 5}"));
    List<Double> first = values(rows.get("a/1"), "test-loss");
    assertEquals(3, first.size(), "every epoch");
    assertEquals(1, first.stream().distinct().count(), "the same held-out episodes at every evaluation: " + first);
    assertEquals(first, values(rows.get("b/1"), "test-loss"), "and for every rule of the replicate");
    assertNotEquals(first, values(rows.get("a/2"), "test-loss"), "another replicate, other episodes");
    assertEquals(List.of(), values(rows.get("a/1"), "accuracy"), "squared-error targets have no accuracy");
    assertEquals(List.of(), values(rows.get("a/1"), "test-accuracy"));
  }

  @Test
  void aUnitRestoredBetweenBatchesCarriesOnInTheSameOrder() throws IOException {
    BuiltScenario built = build("dataset-task", "");
    Task task = built.task(0);
    TrainingUnit whole = built.newUnit("a", 1);
    for (int b = 0; b < 7; b++) {
      whole.trainBatch(task, 4);
    }
    TrainingUnit stopped = built.newUnit("a", 1);
    for (int b = 0; b < 4; b++) {
      stopped.trainBatch(task, 4);
    }
    SnapshotStore saved = stopped.saveState();
    TrainingUnit resumed = built.newUnit("a", 1);
    resumed.restoreState(saved);
    for (int b = 4; b < 7; b++) {
      resumed.trainBatch(task, 4);
    }
    List<Integer> expected = rules.seen.get(0);
    List<Integer> before = rules.seen.get(1);
    List<Integer> after = rules.seen.get(2);
    assertEquals(28, expected.size());
    assertEquals(expected.subList(0, 16), before);
    assertEquals(expected.subList(16, 28), after, "the pass opened in the second epoch goes on where it stopped");
  }

  private static List<Integer> epochs(List<MetricRow> rows, String metric) {
    return rows.stream().filter(r -> r.metric().equals(metric)).map(MetricRow::epoch).toList();
  }

  private static List<Double> values(List<MetricRow> rows, String metric) {
    return rows.stream().filter(r -> r.metric().equals(metric)).map(MetricRow::value).toList();
  }
}
