package org.ccsim.core.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ccsim.core.compute.JavaComputeType;
import org.ccsim.core.optim.AdamType;
import org.ccsim.core.optim.ClipNormType;
import org.ccsim.core.optim.SgdType;
import org.ccsim.core.plugin.ComponentRegistry;
import org.ccsim.core.scenario.Scenario;
import org.ccsim.core.scenario.ScenarioReader;

/** Builds scenarios of {@link FaultyRuleType} rules on {@link FaultyRuleType.StepsTask} episodes of 4 steps. */
public final class FaultyScenario {

  private FaultyScenario() {
  }

  /**
   * @param rules the scenario's {@code rules} object
   * @param schedule further top-level entries, e.g. {@code "phases": [...]}
   */
  public static BuiltScenario build(Path dir, String rules, String schedule) throws IOException {
    return build(dir, rules, schedule, "");
  }

  /** As {@link #build(Path, String, String)}, with {@code training} entries, e.g. {@code , "groupOptimisers": {...}}. */
  public static BuiltScenario build(Path dir, String rules, String schedule, String training) throws IOException {
    ComponentRegistry registry = new ComponentRegistry(List.of(
        new ComponentRegistry.Entry(new FaultyRuleType.StepsTask(), "test"),
        new ComponentRegistry.Entry(new TrainingUnitTest.DrawNetwork(), "test"),
        new ComponentRegistry.Entry(new FaultyRuleType(), "test"),
        new ComponentRegistry.Entry(new SgdType(), ComponentRegistry.BUILT_IN),
        new ComponentRegistry.Entry(new AdamType(), ComponentRegistry.BUILT_IN),
        new ComponentRegistry.Entry(new ClipNormType(false), ComponentRegistry.BUILT_IN),
        new ComponentRegistry.Entry(new JavaComputeType(), ComponentRegistry.BUILT_IN)));
    Path file = Files.writeString(dir.resolve("faulty.json"), """
        {"scenario": "faulty", "seed": 5, "replicates": 2,
         "task": {"type": "steps-task"}, "network": {"type": "draw-net"},
         "training": {"batchSize": 2, "batchesPerEpoch": 2, "optimiser": {"type": "sgd", "learningRate": 10}%s},
         "rules": %s, %s}
        """.formatted(training, rules, schedule));
    Scenario scenario = new ScenarioReader(registry).read(file, List.of());
    return new ScenarioBuilder(registry).build(scenario, file.toString());
  }
}
