package org.ccsim.benchmarks;

import java.util.Map;
import org.ccsim.api.Config;
import org.ccsim.api.compute.Compute;
import org.ccsim.core.compute.JavaCompute;
import org.ccsim.plugins.openblas.OpenBlasCompute;
import org.ccsim.plugins.openblas.OpenBlasComputeType;

/** The compute backends the benchmarks compare, by the id a scenario uses. */
public final class Backends {

  private Backends() {
  }

  /** The backend {@code id}: {@code java} (the default) or {@code openblas}. */
  public static Compute create(String id) {
    return switch (id) {
      case JavaCompute.ID -> new JavaCompute();
      case OpenBlasCompute.ID -> new OpenBlasComputeType().create(new Config(OpenBlasCompute.ID, Map.of()), null);
      default -> throw new IllegalArgumentException("no backend " + id + " in the benchmarks");
    };
  }
}
