package org.ccsim.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.ccsim.api.BuildContext;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Episode;
import org.ccsim.api.Network;
import org.ccsim.api.Optimiser;
import org.ccsim.api.Task;
import org.ccsim.api.Tensor;
import org.ccsim.api.compute.Compute;
import org.ccsim.api.compute.Parallel;
import org.ccsim.core.compute.JavaCompute;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.core.build.TrainedGroups;

/**
 * A {@link BuildContext} for tests: streams seeded from a seed and the purpose's name (equal
 * purposes give equal streams, as in the host), an optional task and network, nested components
 * created from the component types it is given, and the default compute backend
 * ({@link JavaCompute}) unless another is given. Memory declared through {@link #reserveMemory} is
 * kept in {@link #reservations()} (nested components' too), against batches of {@link #batchSize()}
 * episodes: 1 unless set with {@link #withBatchSize}.
 */
public final class TestBuildContext implements BuildContext {

  private final long seed;
  private final Task task;
  private final Network network;
  private final List<ComponentType<?>> nestedTypes;
  private final Compute compute;
  private final int batchSize;
  private final Parallel parallel;
  private final Map<String, Double> reservations;
  private final List<Declared> declared;

  /** A group a learning rule declared with {@link #trains}. */
  private record Declared(String group, List<Tensor> tensors, String optimiserParameter) {
  }

  /** A context with neither task nor network. */
  public TestBuildContext(long seed) {
    this(seed, null, null);
  }

  /** A context offering {@code task} and {@code network} (either may be null). */
  public TestBuildContext(long seed, Task task, Network network) {
    this(seed, task, network, List.of(), new JavaCompute());
  }

  /** A context that also creates nested components of the given types. */
  public TestBuildContext(long seed, Task task, Network network, List<ComponentType<?>> nestedTypes) {
    this(seed, task, network, nestedTypes, new JavaCompute());
  }

  /** A context offering {@code task} and {@code network} (either may be null) on the given backend. */
  public TestBuildContext(long seed, Task task, Network network, Compute compute) {
    this(seed, task, network, List.of(), compute);
  }

  /** The general form: task, network, the types of nested components, and the compute backend. */
  public TestBuildContext(long seed, Task task, Network network, List<ComponentType<?>> nestedTypes,
      Compute compute) {
    this(seed, task, network, nestedTypes, compute, 1, WorkSharing.COMMON, new LinkedHashMap<>(), new ArrayList<>());
  }

  private TestBuildContext(long seed, Task task, Network network, List<ComponentType<?>> nestedTypes,
      Compute compute, int batchSize, Parallel parallel, Map<String, Double> reservations, List<Declared> declared) {
    this.seed = seed;
    this.task = task;
    this.network = network;
    this.nestedTypes = List.copyOf(nestedTypes);
    this.compute = compute;
    this.batchSize = batchSize;
    this.parallel = parallel;
    this.reservations = reservations;
    this.declared = declared;
  }

  /** The same context (sharing its reservations) with batches of {@code batch} episodes. */
  public TestBuildContext withBatchSize(int batch) {
    return new TestBuildContext(seed, task, network, nestedTypes, compute, batch, parallel, reservations, declared);
  }

  /** The same context (sharing its reservations) with another {@link Parallel} service than the host's. */
  public TestBuildContext withParallel(Parallel service) {
    return new TestBuildContext(seed, task, network, nestedTypes, compute, batchSize, service, reservations, declared);
  }

  /** The bytes declared for each {@code what}, in order of declaration, by this context and the nested ones. */
  public Map<String, Double> reservations() {
    return Collections.unmodifiableMap(reservations);
  }

  /** The sum of {@link #reservations()}. */
  public double reservedBytes() {
    return reservations.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** The generator the kit uses everywhere: {@code L64X128MixRandom}, as the host. */
  public static RandomGenerator random(long seed) {
    return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
  }

  /** A task with the given sizes that cannot sample: enough to build a network. */
  public static Task taskOfSize(int inputs, int outputs) {
    return task(inputs, outputs, random -> {
      throw new UnsupportedOperationException("a size-only task has no episodes");
    });
  }

  /** A task with the given sizes whose episodes come from {@code sampler}. */
  public static Task task(int inputs, int outputs, Function<RandomGenerator, Episode> sampler) {
    return new Task() {
      @Override
      public int inputSize() {
        return inputs;
      }

      @Override
      public int outputSize() {
        return outputs;
      }

      @Override
      public Episode sample(RandomGenerator random) {
        return sampler.apply(random);
      }
    };
  }

  @Override
  public RandomGenerator random(String purpose) {
    return random(seed * 31 + purpose.hashCode());
  }

  @Override
  public Task task() {
    if (task == null) {
      throw new IllegalStateException("this test context has no task");
    }
    return task;
  }

  /** Accepts and forgets: tests check the component's behaviour, not the resolved scenario. */
  @Override
  public void resolve(String parameter, String value) {
  }

  /** Records {@code bytes} under {@code what}, adding to an earlier declaration of the same. */
  @Override
  public void reserveMemory(String what, double bytes) {
    reservations.merge(what, bytes, Double::sum);
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public Compute compute() {
    return compute;
  }

  @Override
  public Parallel parallel() {
    return parallel;
  }

  @Override
  public Network network() {
    if (network == null) {
      throw new IllegalStateException("this test context has no network");
    }
    return network;
  }

  @Override
  public <T> T create(Class<T> kind, Config config) {
    ComponentType<?> type = nestedTypes.stream().filter(t -> t.id().equals(config.type())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("this test context knows no component '" + config.type() + "'"));
    return kind.cast(type.create(config,
        new TestBuildContext(seed * 31 + config.type().hashCode(), task, network, nestedTypes, compute, batchSize,
            parallel, reservations, declared)));
  }

  /** Keeps the group for {@link #trainedGroups}. */
  @Override
  public void trains(String group, List<Tensor> tensors, String optimiserParameter) {
    declared.add(new Declared(group, List.copyOf(tensors), optimiserParameter));
  }

  /**
   * The groups the learning rule built from {@code ruleConfig} in this context declared, each with
   * the optimiser its parameter names (as the host builds it when the scenario gives none of its
   * own): what a {@link RecordingTrainingContext} steps, saves and restores as the host would.
   */
  public TrainedGroups trainedGroups(Config ruleConfig) {
    TrainedGroups groups = new TrainedGroups();
    for (Declared d : declared) {
      groups.declared(d.group(), d.tensors(), create(Optimiser.class, ruleConfig.component(d.optimiserParameter())));
    }
    return groups;
  }
}
