package org.ccsim.core.build;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ccsim.api.DivergenceException;
import org.ccsim.api.Network;
import org.ccsim.api.Perturbation;
import org.ccsim.api.Task;
import org.ccsim.api.compute.Compute;
import org.ccsim.core.plugin.ComponentRegistry;
import org.ccsim.core.scenario.JsonPath;
import org.ccsim.core.scenario.Problem;
import org.ccsim.core.scenario.Scenario;
import org.ccsim.core.scenario.ScenarioException;
import org.ccsim.core.scenario.ScenarioReader;
import org.ccsim.core.seed.SeedTree;

/**
 * Builds a validated {@link Scenario}: creates the compute backend, the task, the network and each phase's perturbed
 * task, checks that their sizes agree, that every optimiser group exists and that a recorded
 * {@code dysmetria} has probes to measure, then dry-runs one
 * batch of one episode for every rule (on throwaway copies and seeds) so that a broken combination
 * fails now rather than after an hour.
 */
public final class ScenarioBuilder {

  private final ComponentRegistry registry;
  private final long heapLimit;

  /** A builder refusing scenarios that cannot fit in this JVM's heap ({@link Runtime#maxMemory()}). */
  @Inject
  public ScenarioBuilder(ComponentRegistry registry) {
    this(registry, Runtime.getRuntime().maxMemory());
  }

  /** A builder refusing scenarios whose training units need more than {@code heapLimit} bytes. */
  public ScenarioBuilder(ComponentRegistry registry, long heapLimit) {
    this.registry = registry;
    this.heapLimit = heapLimit;
  }

  /**
   * Builds {@code scenario}; the built one's {@link BuiltScenario#scenario()} is {@code scenario} with
   * what the build resolves filled in ({@code training.batchesPerEpoch} left out: one pass over a
   * dataset task's examples, one batch of a generated task).
   *
   * @param file the scenario file, for messages
   * @throws ScenarioException listing what does not fit together
   */
  public BuiltScenario build(Scenario scenario, String file) {
    SeedTree seeds = new SeedTree(scenario.seed());
    SeedTree buildSeeds = seeds.child("build");
    List<Problem> problems = new ArrayList<>();
    Resolutions resolutions = new Resolutions();
    MemoryLedger memory = new MemoryLedger(heapLimit);
    int batch = scenario.training().batchSize();
    try {
      Compute compute = new HostBuildContext(registry, buildSeeds.child("compute"), JsonPath.ROOT.key("compute"),
          scenario.compute(), null, null, null, resolutions, memory.common(), batch).build(Compute.class);
      Task task = new HostBuildContext(registry, buildSeeds.child("task"), JsonPath.ROOT.key("task"),
          scenario.task(), null, null, compute, resolutions, memory.shared(), batch).build(Task.class);
      if (scenario.training().batchesPerEpoch() == Scenario.Training.ONE_PASS) {
        scenario = scenario.withBatchesPerEpoch(Math.max(1, task.examples() / batch));
      }
      Network network = new HostBuildContext(registry, buildSeeds.child("network"), JsonPath.ROOT.key("network"),
          scenario.network(), task, null, compute, resolutions, memory.common(), batch).build(Network.class);
      checkSizes(task, network, JsonPath.ROOT.key("network"), problems);
      List<Task> phaseTasks = phaseTasks(scenario, task, network, compute, resolutions, memory, buildSeeds, problems);
      checkProbes(scenario, phaseTasks, problems);
      Set<String> trained = new LinkedHashSet<>(networkGroups(scenario, network));
      if (!problems.isEmpty()) {
        throw new ScenarioException(file, problems);
      }
      BuiltScenario built = new BuiltScenario(scenario, registry, seeds, compute, resolutions, memory, network,
          phaseTasks);
      trained.addAll(dryRun(scenario, built, problems));
      checkGroups(scenario, trained, problems);
      if (!problems.isEmpty()) {
        throw new ScenarioException(file, problems);
      }
      return built;
    } catch (BuildException e) {
      problems.add(e.problem());
      throw new ScenarioException(file, problems);
    }
  }

  private List<Task> phaseTasks(Scenario scenario, Task task, Network network, Compute compute,
      Resolutions resolutions, MemoryLedger memory, SeedTree buildSeeds,
      List<Problem> problems) {
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < scenario.phases().size(); i++) {
      Scenario.Phase phase = scenario.phases().get(i);
      if (phase.perturbation() == null) {
        tasks.add(task);
        continue;
      }
      JsonPath path = JsonPath.ROOT.key("phases").index(i).key("perturbation");
      Perturbation perturbation = new HostBuildContext(registry, buildSeeds.child("phases").child(phase.name()),
          path, phase.perturbation(), task, network, compute, resolutions, memory.common(),
          scenario.training().batchSize()).build(Perturbation.class);
      Task perturbed;
      try {
        perturbed = perturbation.apply(task);
      } catch (RuntimeException e) {
        throw new BuildException(path, phase.perturbation().type() + " cannot perturb the task: " + e);
      }
      checkSizes(perturbed, network, path, problems);
      tasks.add(perturbed);
    }
    return tasks;
  }

  private static void checkSizes(Task task, Network network, JsonPath path, List<Problem> problems) {
    if (network.inputSize() != task.inputSize() || network.outputSize() != task.outputSize()) {
      problems.add(new Problem(path, "sizes disagree: the network takes " + network.inputSize() + " inputs and gives "
          + network.outputSize() + " outputs, the task has " + task.inputSize() + " inputs and "
          + task.outputSize() + " targets"));
    }
  }

  /** {@code dysmetria} is measured on the hand paths of the task's probes, so every phase's task must have some. */
  private static void checkProbes(Scenario scenario, List<Task> phaseTasks, List<Problem> problems) {
    if (!scenario.record().metrics().contains(ScenarioReader.DYSMETRIA)) {
      return;
    }
    for (int i = 0; i < phaseTasks.size(); i++) {
      if (phaseTasks.get(i).probes().isEmpty()) {
        problems.add(new Problem(JsonPath.ROOT.key("record").key("metrics"), ScenarioReader.DYSMETRIA
            + " is measured on the hand paths of the task's probes, and the task of phase '"
            + scenario.phases().get(i).name() + "' (" + scenario.task().type() + ") has none"));
        return;
      }
    }
  }

  private static int phaseIndex(Scenario scenario, String name) {
    return scenario.phases().stream().map(Scenario.Phase::name).toList().indexOf(name);
  }

  private static List<String> networkGroups(Scenario scenario, Network network) {
    SeedTree throwaway = new SeedTree(scenario.seed()).child("dry-run").child("groups");
    try {
      return network.initialParameters(throwaway.random()).groups();
    } catch (OutOfMemoryError e) {
      throw new BuildException(JsonPath.ROOT.key("network"), BuildException.outOfMemory(scenario.network().type()));
    } catch (RuntimeException e) {
      throw new BuildException(JsonPath.ROOT.key("network"), scenario.network().type()
          + " failed to create its parameters: " + e);
    }
  }

  /** Every group {@code training.groupOptimisers} or {@code training.clipGlobalNorm} names is one the network or a rule trains. */
  private static void checkGroups(Scenario scenario, Set<String> trained, List<Problem> problems) {
    JsonPath training = JsonPath.ROOT.key("training");
    for (String group : scenario.training().groupOptimisers().keySet()) {
      checkTrained(group, training.key("groupOptimisers").key(group), trained, problems);
    }
    Scenario.GlobalClip clip = scenario.training().clip();
    for (int i = 0; clip != null && i < clip.groups().size(); i++) {
      checkTrained(clip.groups().get(i), training.key("clipGlobalNorm").key("groups").index(i), trained, problems);
    }
  }

  private static void checkTrained(String group, JsonPath path, Set<String> trained, List<Problem> problems) {
    if (!trained.contains(group)) {
      problems.add(new Problem(path, "neither the network nor a rule trains a parameter group '" + group
          + "' (trained groups: " + String.join(", ", trained) + ")"));
    }
  }

  /**
   * One batch of one episode per rule and phase task, then each event's action the rule receives
   * followed by another batch, with seeds of a separate tree. A rule that diverges here has been
   * built and run correctly: its divergence is an outcome the run records, not a build error.
   */
  private static Set<String> dryRun(Scenario scenario, BuiltScenario built, List<Problem> problems) {
    SeedTree drySeeds = new SeedTree(scenario.seed()).child("dry-run");
    Set<String> trained = new LinkedHashSet<>();
    for (String rule : scenario.rules().keySet()) {
      try {
        TrainingUnit unit = built.newUnit(drySeeds, rule, 0);
        trained.addAll(unit.trainedGroups());
        for (int phase = 0; phase < scenario.phases().size(); phase++) {
          unit.trainBatch(built.task(phase), 1);
        }
        for (Scenario.Event event : scenario.events()) {
          if (event.rules().contains(rule)) {
            unit.act(event.action());
            unit.trainBatch(built.task(phaseIndex(scenario, event.phase())), 1);
          }
        }
      } catch (DivergenceException e) {
        // the rule trains; whether it stays finite is for the run to record
      } catch (BuildException e) {
        problems.add(e.problem());
      } catch (RuntimeException | LinkageError e) {
        problems.add(new Problem(JsonPath.ROOT.key("rules").key(rule), "failed its dry step: " + e));
      } catch (OutOfMemoryError e) {
        problems.add(new Problem(JsonPath.ROOT.key("rules").key(rule),
            BuildException.outOfMemory("its dry step (" + scenario.rules().get(rule).type() + ")")));
      }
    }
    return trained;
  }
}
