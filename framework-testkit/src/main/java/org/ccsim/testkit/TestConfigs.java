package org.ccsim.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Param;
import org.ccsim.api.ParamType;
import org.ccsim.core.scenario.DataSearchPath;

/** Configurations for tests, with defaults filled in from the component's declarations. */
public final class TestConfigs {

  private TestConfigs() {
  }

  /**
   * The type's defaults, then {@code overrides} as name, value pairs. Values have the host's types:
   * {@code Long} for integers, {@code Double} for reals, {@code Boolean}, {@code String}, a {@code DataFile}, or a
   * {@link Config} for a nested component; an {@code Integer} is widened to {@code Long}. A dataset
   * folder's default is found on the data search path of the environment ({@code CCSIM_DATA}, then
   * {@code /usr/share/datasets}), as the host finds it.
   */
  public static Config of(ComponentType<?> type, Object... overrides) {
    if (overrides.length % 2 != 0) {
      throw new IllegalArgumentException("overrides come in name, value pairs");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Param p : type.parameters()) {
      if (p.defaultValue() != null && p.type() == ParamType.DATASET) {
        values.put(p.name(), DataSearchPath.fromEnvironment().resolve((String) p.defaultValue()));
      } else if (p.defaultValue() != null && p.type() != ParamType.COMPONENT) {
        values.put(p.name(), p.defaultValue());
      }
    }
    for (int i = 0; i < overrides.length; i += 2) {
      Object value = overrides[i + 1] instanceof Integer small ? Long.valueOf(small) : overrides[i + 1];
      values.put((String) overrides[i], value);
    }
    return new Config(type.id(), values);
  }
}
