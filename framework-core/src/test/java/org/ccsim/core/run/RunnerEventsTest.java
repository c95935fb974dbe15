package org.ccsim.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Param;
import org.ccsim.api.TrainingContext;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.build.ScenarioBuilder;
import org.ccsim.core.build.TrainingUnitTest;
import org.ccsim.core.compute.JavaComputeType;
import org.ccsim.core.optim.SgdType;
import org.ccsim.core.plugin.ComponentRegistry;
import org.ccsim.core.scenario.Scenario;
import org.ccsim.core.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events reach the rules they name, before the first batch of their epoch, and no other rule. */
class RunnerEventsTest {

  /** A rule that notes how many batches it had trained when each action arrived. */
  static final class CountingRule implements LearningRule {
    int batches;
    final List<String> received = new ArrayList<>();

    @Override
    public void train(List<Episode> batch, TrainingContext context) {
      batches++;
      batch.forEach(e -> context.observeOutput(e, 0, new double[1]));
    }

    @Override
    public void act(String action) {
      received.add(action + " after " + batches + " batches");
    }
  }

  static final class CountingRuleType implements LearningRuleType {
    final List<CountingRule> created = new ArrayList<>();

    @Override
    public String id() {
      return "counting-rule";
    }

    @Override
    public String description() {
      return "test rule with actions";
    }

    @Override
    public List<Param> parameters() {
      return List.of();
    }

    @Override
    public Map<String, String> actions() {
      return Map.of("ablate", "test lesion", "restore", "test recovery");
    }

    @Override
    public LearningRule create(Config config, BuildContext context) {
      CountingRule rule = new CountingRule();
      created.add(rule);
      return rule;
    }
  }

  @TempDir
  Path dir;

  @Test
  void actionsArriveBeforeTheFirstBatchOfTheirEpoch() throws IOException {
    CountingRuleType type = new CountingRuleType();
    ComponentRegistry registry = new ComponentRegistry(List.of(
        new ComponentRegistry.Entry(new TrainingUnitTest.DrawTask(), "test"),
        new ComponentRegistry.Entry(new TrainingUnitTest.DrawNetwork(), "test"),
        new ComponentRegistry.Entry(type, "test"),
        new ComponentRegistry.Entry(new SgdType(), ComponentRegistry.BUILT_IN),
        new ComponentRegistry.Entry(new JavaComputeType(), ComponentRegistry.BUILT_IN)));
    Path file = Files.writeString(dir.resolve("events.json"), """
        {"scenario": "events", "seed": 3,
         "task": {"type": "draw-task"}, "network": {"type": "draw-net"},
         "training": {"batchesPerEpoch": 2, "batchSize": 1, "optimiser": {"type": "sgd"}},
         "rules": {"lesioned": {"type": "counting-rule"}, "intact": {"type": "counting-rule"}},
         "phases": [{"name": "a", "epochs": 3}, {"name": "b", "epochs": 2}],
         "events": [{"phase": "b", "epoch": 2, "action": "restore", "rules": ["lesioned"]},
                    {"atEpoch": 2, "action": "ablate", "rules": ["lesioned"]}]}
        """);
    Scenario scenario = new ScenarioReader(registry).read(file, List.of());
    BuiltScenario built = new ScenarioBuilder(registry).build(scenario, file.toString());
    type.created.clear(); // the dry run's instances

    new Runner(built, 1, (rule, replicate, epoch) -> { }).run(u -> { });

    assertEquals(2, type.created.size());
    // epoch 2 starts after epoch 1's two batches; phase b's epoch 2 is epoch 5, after 4 epochs of 2 batches
    assertEquals(List.of("ablate after 2 batches", "restore after 8 batches"), type.created.get(0).received);
    assertEquals(List.of(), type.created.get(1).received);
  }
}
