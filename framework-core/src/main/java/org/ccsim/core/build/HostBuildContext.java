package org.ccsim.core.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ccsim.api.BuildContext;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.Param;
import org.ccsim.api.ParamType;
import org.ccsim.api.Task;
import org.ccsim.api.Tensor;
import org.ccsim.api.compute.Compute;
import org.ccsim.api.compute.Parallel;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.core.plugin.ComponentRegistry;
import org.ccsim.core.scenario.JsonPath;
import org.ccsim.core.seed.SeedTree;

/**
 * The {@link BuildContext} of one component at one place in the scenario: its random streams are
 * children of its own node in the seed tree, nested components get child nodes named after their
 * parameter, and a {@link ConfigException} it throws is reported at its JSON path.
 */
final class HostBuildContext implements BuildContext {

  private final ComponentRegistry registry;
  private final SeedTree seeds;
  private final JsonPath path;
  private final Config config;
  private final Task task;
  private final Network network;
  private final Compute compute;
  private final Resolutions resolutions;
  private final MemoryLedger.Account memory;
  private final int batchSize;
  private final List<Declared> declared = new ArrayList<>();
  /** The kind being built by {@link #build}: only a learning rule may declare trained groups. */
  private Class<?> building;

  /** A group a learning rule declared with {@link #trains}, before the host checks and adopts it. */
  record Declared(String group, List<Tensor> tensors, String optimiserParameter) {
  }

  /**
   * @param memory where this component's {@link #reserveMemory} declarations go: the run's (the
   *     task's), every unit's, or one rule's
   * @param batchSize the scenario's {@code training.batchSize}
   */
  HostBuildContext(ComponentRegistry registry, SeedTree seeds, JsonPath path, Config config, Task task,
      Network network, Compute compute, Resolutions resolutions, MemoryLedger.Account memory, int batchSize) {
    this.registry = registry;
    this.seeds = seeds;
    this.path = path;
    this.config = config;
    this.task = task;
    this.network = network;
    this.compute = compute;
    this.resolutions = resolutions;
    this.memory = memory;
    this.batchSize = batchSize;
  }

  /** Creates the component this context describes. */
  <T> T build(Class<T> kind) {
    building = kind;
    ComponentType<?> type = registry.find(config.type())
        .orElseThrow(() -> new IllegalStateException("validated type " + config.type() + " is not registered"))
        .type();
    try {
      return kind.cast(type.create(config, this));
    } catch (BuildException e) {
      throw e;
    } catch (ConfigException e) {
      throw new BuildException(e.parameter() == null ? path : path.key(e.parameter()), e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      // a LinkageError is a class missing from the plugin's JAR: bad input, not a crash of the host
      throw new BuildException(path, config.type() + " failed to build: " + e);
    } catch (OutOfMemoryError e) { // one allocation too large for the heap: the sizes asked for are too big
      throw new BuildException(path, BuildException.outOfMemory(config.type()));
    }
  }

  @Override
  public RandomGenerator random(String purpose) {
    return seeds.child(purpose).random();
  }

  @Override
  public Task task() {
    if (task == null) {
      throw new IllegalStateException("the task is not available while the task itself is built");
    }
    return task;
  }

  @Override
  public void resolve(String parameter, String value) {
    Param declared = registry.find(config.type()).orElseThrow().type().parameters().stream()
        .filter(p -> p.name().equals(parameter)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(config.type() + " resolved '" + parameter
            + "', which it does not declare"));
    if (declared.type() != ParamType.CHOICE || !declared.choices().contains(value)) {
      throw new IllegalArgumentException(config.type() + " resolved " + parameter + " to '" + value
          + "': only a choice can be resolved, to one of " + declared.choices());
    }
    resolutions.record(path, parameter, value);
  }

  @Override
  public void reserveMemory(String what, double bytes) {
    memory.reserve(path, what, bytes);
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public Compute compute() {
    if (compute == null) {
      throw new IllegalStateException("the compute backend is not available while it is built itself");
    }
    return compute;
  }

  @Override
  public Parallel parallel() {
    return WorkSharing.COMMON;
  }

  @Override
  public Network network() {
    if (network == null) {
      throw new IllegalStateException("the network is only available to components built after it");
    }
    return network;
  }

  /** The groups the component built here declared with {@link #trains}, in order. */
  List<Declared> declared() {
    return List.copyOf(declared);
  }

  @Override
  public void trains(String group, List<Tensor> tensors, String optimiserParameter) {
    if (building != LearningRule.class) {
      throw new IllegalStateException("only a learning rule declares the groups it trains, not a "
          + (building == null ? "component" : building.getSimpleName()));
    }
    declared.add(new Declared(group, List.copyOf(tensors), optimiserParameter));
  }

  @Override
  public <T> T create(Class<T> kind, Config nested) {
    String name = config.values().entrySet().stream()
        .filter(e -> e.getValue() == nested)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(nested + " is not a parameter of " + config.type()));
    return new HostBuildContext(registry, seeds.child(name), path.key(name), nested, task, network, compute, resolutions,
        memory, batchSize)
        .build(kind);
  }
}
