package org.ccsim.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Network;
import org.ccsim.api.Param;
import org.ccsim.api.Task;
import org.ccsim.core.optim.BuiltInOptimisers;
import org.ccsim.core.plugin.ComponentRegistry;
import org.ccsim.core.scenario.ComponentJson;
import org.junit.jupiter.api.Test;

/**
 * The contract every component type passes, whatever its kind (how a component's test uses it:
 * docs/architecture.md, "Where to add a component", and docs/writing-a-plugin.md, "7. Test it with
 * the contract kit"): it declares itself consistently, and its parameters round-trip through the
 * JSON of a scenario. A plugin's test extends the subclass for its kind ({@link TaskContract},
 * {@link NetworkContract}, {@link LearningRuleContract}, {@link OptimiserContract},
 * {@link PerturbationContract}, {@link SynthesiserContract}, {@link PlantContract}), which adds that kind's checks.
 *
 * @param <T> the runtime interface the type creates
 */
public abstract class ComponentContract<T> {

  /** The component type under test. */
  protected abstract ComponentType<T> type();

  /**
   * The configurations to check, as {@link TestConfigs#of} makes them (nested components may be
   * left out: their declared defaults are filled in as the host does). Default: the declared defaults.
   */
  protected List<Config> configs() {
    return List.of(TestConfigs.of(type()));
  }

  /** Types of the nested components the configurations name; the host's optimisers are always known. */
  protected List<ComponentType<?>> nestedTypes() {
    return List.of();
  }

  /** The task the component sees while it is built; default none. */
  protected Task task() {
    return null;
  }

  /** The network the component sees while it is built; default none. */
  protected Network network() {
    return null;
  }

  /** The configuration as the host passes it after validation: defaults and nested defaults filled in. */
  protected final Config resolved(Config config) {
    return ComponentJson.read(ComponentJson.write(config), type().kind(), registry());
  }

  /** A new instance from the resolved configuration, built with streams seeded by {@code seed}. */
  protected final T create(Config config, long seed) {
    return type().create(resolved(config), buildContext(seed));
  }

  /** The context {@link #create} builds in: streams seeded by {@code seed}, the nested types and the host's optimisers. */
  protected final TestBuildContext buildContext(long seed) {
    return new TestBuildContext(seed, task(), network(), known());
  }

  @Test
  void declaresAnIdAKindADescriptionAndDocumentedParameters() {
    ComponentType<T> type = type();
    assertTrue(type.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), "id: lower case words joined by hyphens: " + type.id());
    assertNotNull(type.kind(), "kind");
    assertFalse(type.description().isBlank(), "description");
    Set<String> names = new HashSet<>();
    for (Param p : type.parameters()) {
      assertTrue(names.add(p.name()), "parameter declared twice: " + p.name());
      assertFalse(p.doc().isBlank(), p.name() + ": doc");
      assertFalse(p.name().equals("type"), "'type' names the component; no parameter may use it");
    }
    assertEquals(type.parameters(), type.parameters(), "parameters() is constant");
  }

  @Test
  void parametersRoundTripThroughJson() {
    for (Config config : configs()) {
      Config read = resolved(config);
      config.values().forEach((name, value) -> assertEquals(value, read.values().get(name), name + " survives JSON"));
      assertEquals(read, resolved(read), "a resolved configuration reads back unchanged");
      assertNotNull(create(read, 1), "creates an instance from " + read);
    }
  }

  private List<ComponentType<?>> known() {
    List<ComponentType<?>> types = new ArrayList<>(List.of(type()));
    List<ComponentType<?>> others = new ArrayList<>(nestedTypes());
    others.addAll(BuiltInOptimisers.TYPES);
    others.stream().filter(t -> types.stream().noneMatch(k -> k.id().equals(t.id()))).forEach(types::add);
    return types;
  }

  private ComponentRegistry registry() {
    return new ComponentRegistry(known().stream().map(t -> new ComponentRegistry.Entry(t, "test")).toList());
  }
}
