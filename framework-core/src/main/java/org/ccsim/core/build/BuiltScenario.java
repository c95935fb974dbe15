package org.ccsim.core.build;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.compute.Compute;
import org.ccsim.api.Optimiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Task;
import org.ccsim.api.Tensor;
import org.ccsim.core.plugin.ComponentRegistry;
import org.ccsim.core.scenario.JsonPath;
import org.ccsim.core.scenario.Problem;
import org.ccsim.core.scenario.Scenario;
import org.ccsim.core.seed.SeedTree;

/**
 * A scenario whose components are built and checked: the task of every phase, the network, and the
 * recipe for a fresh {@link TrainingUnit} per (rule, replicate).
 *
 * <p>Seeds, all children of the master seed: {@code replicate-R/network-init} (initial weights,
 * shared by every rule of replicate R: paired comparison), {@code replicate-R/task-samples}
 * (likewise the episodes), {@code replicate-R/evaluation} (the held-out episodes of a generated
 * task), {@code replicate-R/rules/NAME/...} (anything a rule draws), and
 * {@code build/...} for the components built once per scenario.
 */
public final class BuiltScenario {

  private final Scenario scenario;
  private final ComponentRegistry registry;
  private final SeedTree seeds;
  private final Compute compute;
  private final Resolutions resolutions;
  private final MemoryLedger memory;
  private final Network network;
  private final List<Task> phaseTasks;

  BuiltScenario(Scenario scenario, ComponentRegistry registry, SeedTree seeds, Compute compute,
      Resolutions resolutions, MemoryLedger memory, Network network, List<Task> phaseTasks) {
    this.scenario = scenario;
    this.registry = registry;
    this.seeds = seeds;
    this.compute = compute;
    this.resolutions = resolutions;
    this.memory = memory;
    this.network = network;
    this.phaseTasks = List.copyOf(phaseTasks);
    if (scenario.compare() != null) {
      String leader = scenario.compare().leader();
      memory.carries(leader, scenario.rules().keySet().stream().filter(r -> !r.equals(leader)).toList());
    }
  }

  public Scenario scenario() {
    return scenario;
  }

  /** The values components chose for parameters left to them, for the resolved scenario. */
  public Resolutions resolutions() {
    return resolutions;
  }

  /** The heap a process needs that runs this scenario's units on {@code threads} threads, by the components' declarations. */
  public double bytesAtOnce(int threads) {
    return memory.bytesAtOnce(scenario.trainedRules(), threads, scenario.replicates());
  }

  /**
   * Whether running every unit on {@code threads} threads fits in the heap, by the memory the
   * components declared (each unit alone was checked while building).
   */
  public Optional<Problem> memoryProblem(int threads) {
    return memory.check(scenario.trainedRules(), threads, scenario.replicates());
  }

  /**
   * The bytes a unit of {@code rule} holds by the declarations so far, as {@link #memoryProblem} counts
   * them: also the estimate of its cost that shards are balanced by, since what a rule keeps per
   * example (traces, influence matrices, the steps of an episode) is what it works through at every step.
   */
  public double unitBytes(String rule) {
    return memory.unitBytes(rule);
  }

  /** The network, shared by every unit. */
  public Network network() {
    return network;
  }

  /** The (possibly perturbed) task of phase {@code index}. */
  public Task task(int phase) {
    return phaseTasks.get(phase);
  }

  /** The seed tree of this run; {@link SeedTree#issuedSeeds()} lists every seed used so far. */
  public SeedTree seeds() {
    return seeds;
  }

  /**
   * A fresh generator of replicate {@code replicate}'s evaluation stream ({@code replicate-R/evaluation}),
   * in the same state at every call: every rule of the replicate is evaluated on the same held-out
   * episodes at every evaluation.
   */
  public RandomGenerator evaluationStream(int replicate) {
    return seeds.child("replicate-" + replicate).child("evaluation").random();
  }

  /** A fresh unit for {@code rule} in replicate {@code replicate} (from 1). */
  public TrainingUnit newUnit(String rule, int replicate) {
    return newUnit(seeds.child("replicate-" + replicate), rule, replicate);
  }

  TrainingUnit newUnit(SeedTree replicateSeeds, String rule, int replicate) {
    ParameterSet parameters = network.initialParameters(replicateSeeds.child("network-init").random());
    SeedTree ruleSeeds = replicateSeeds.child("rules").child(rule);
    JsonPath rulePath = JsonPath.ROOT.key("rules").key(rule);
    Config ruleConfig = scenario.rules().get(rule);
    HostBuildContext ruleContext = context(ruleSeeds, rulePath, ruleConfig, memory.of(rule));
    LearningRule learningRule = ruleContext.build(LearningRule.class);
    Map<String, Optimiser> optimisers = new LinkedHashMap<>();
    for (String group : parameters.groups()) {
      JsonPath path = scenario.training().groupOptimisers().containsKey(group)
          ? JsonPath.ROOT.key("training").key("groupOptimisers").key(group)
          : JsonPath.ROOT.key("training").key("optimiser");
      Optimiser optimiser = context(ruleSeeds.child("optimisers").child(group), path,
          scenario.training().optimiserFor(group), memory.of(rule)).build(Optimiser.class);
      reserveState(rule, path, group, parameters.group(group), optimiser);
      optimisers.put(group, optimiser);
    }
    TrainedGroups groups = new TrainedGroups().network(parameters, optimisers).clip(scenario.training().clip());
    for (HostBuildContext.Declared declared : ruleContext.declared()) {
      Optimiser optimiser = declaredOptimiser(declared, groups, ruleSeeds, rulePath, ruleConfig, rule);
      reserveState(rule, rulePath, declared.group(), declared.tensors(), optimiser);
      groups.declared(declared.group(), declared.tensors(), optimiser);
    }
    return new TrainingUnit(rule, replicate, network, learningRule, parameters, groups,
        replicateSeeds.child("task-samples").random(), java.util.Set.copyOf(scenario.record().metrics()),
        new LossExplosion(scenario.training().lossExplosion()), comparison(replicateSeeds, rule, replicate));
  }

  /**
   * The passive comparison a unit of {@code rule} leads: one follower unit per other rule, built as that
   * rule's own unit of the replicate would be; {@code null} unless {@code rule} is the scenario's leader.
   */
  private PassiveComparison comparison(SeedTree replicateSeeds, String rule, int replicate) {
    Scenario.Compare compare = scenario.compare();
    if (compare == null || !compare.leader().equals(rule)) {
      return null;
    }
    Map<String, TrainingUnit> followers = new LinkedHashMap<>();
    scenario.rules().keySet().stream().filter(r -> !r.equals(rule))
        .forEach(r -> followers.put(r, newUnit(replicateSeeds, r, replicate)));
    return new PassiveComparison(network, rule, compare.every(), followers);
  }

  /**
   * The optimiser of a group a rule declared: {@code training.groupOptimisers.<group>} if the
   * scenario gives one, else the rule's own optimiser parameter.
   *
   * @throws BuildException at the rule's path if the group cannot be adopted
   */
  private Optimiser declaredOptimiser(HostBuildContext.Declared declared, TrainedGroups groups, SeedTree ruleSeeds,
      JsonPath rulePath, Config ruleConfig, String rule) {
    String group = declared.group();
    if (groups.contains(group)) {
      throw new BuildException(rulePath, ruleConfig.type() + " trains a group '" + group
          + "', a name the network's parameters or the rule's other groups already have");
    }
    declared.tensors().stream().filter(t -> !t.group().equals(group)).findFirst().ifPresent(t -> {
      throw new BuildException(rulePath, ruleConfig.type() + " declares the tensor " + t + " in the group '" + group + "'");
    });
    declared.tensors().stream().filter(t -> groups.names().stream().anyMatch(g -> groups.tensor(g, t.name()).isPresent()))
        .findFirst().ifPresent(t -> {
          throw new BuildException(rulePath, ruleConfig.type() + " trains a tensor '" + t.name()
              + "', a name the network's parameters or the rule's other groups already have");
        });
    if (scenario.training().groupOptimisers().containsKey(group)) {
      return context(ruleSeeds.child("optimisers").child(group),
          JsonPath.ROOT.key("training").key("groupOptimisers").key(group),
          scenario.training().groupOptimisers().get(group), memory.of(rule)).build(Optimiser.class);
    }
    String parameter = declared.optimiserParameter();
    return context(ruleSeeds.child(parameter), rulePath.key(parameter), ruleConfig.component(parameter), memory.of(rule))
        .build(Optimiser.class);
  }

  /** Declares the state {@code optimiser} will keep for the tensors of {@code group} in every unit of {@code rule}. */
  private void reserveState(String rule, JsonPath path, String group, List<Tensor> tensors, Optimiser optimiser) {
    long values = tensors.stream().mapToLong(t -> t.data().length).sum();
    int perValue = optimiser.stateValuesPerParameter();
    if (perValue > 0) {
      memory.of(rule).reserve(path, "optimiser state of the group " + group + " (" + values + " values x " + perValue
          + " doubles)", (double) Double.BYTES * perValue * values);
    }
  }

  private HostBuildContext context(SeedTree nodeSeeds, JsonPath path, Config config, MemoryLedger.Account account) {
    return new HostBuildContext(registry, nodeSeeds, path, config, phaseTasks.get(0), network, compute, resolutions,
        account, scenario.training().batchSize());
  }
}
