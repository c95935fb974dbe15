package org.ccsim.plugins.motor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.ccsim.api.BuildContext;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Network;
import org.ccsim.api.Param;
import org.ccsim.api.Task;

/** Configs with declared defaults, and a build context with seeded streams, as the host gives them. */
final class TestContexts {

  private TestContexts() {
  }

  static RandomGenerator random(long seed) {
    return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
  }

  /** The type's defaults, then {@code overrides} (name, value, name, value, ...). */
  static Config config(ComponentType<?> type, Object... overrides) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Param p : type.parameters()) {
      if (p.defaultValue() != null) {
        values.put(p.name(), p.defaultValue());
      }
    }
    for (int i = 0; i < overrides.length; i += 2) {
      values.put((String) overrides[i], overrides[i + 1]);
    }
    return new Config(type.id(), values);
  }

  /** Streams seeded from {@code seed} and the purpose's name; {@code task} may be null. */
  static BuildContext context(long seed, Task task) {
    return new BuildContext() {
      @Override
      public RandomGenerator random(String purpose) {
        return TestContexts.random(seed * 31 + purpose.hashCode());
      }

      @Override
      public Task task() {
        return task;
      }

      @Override
      public Network network() {
        throw new UnsupportedOperationException();
      }

      @Override
      public <T> T create(Class<T> kind, Config config) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
