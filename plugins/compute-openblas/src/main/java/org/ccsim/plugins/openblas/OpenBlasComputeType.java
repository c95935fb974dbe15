package org.ccsim.plugins.openblas;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Param;
import org.ccsim.api.compute.Compute;
import org.ccsim.api.compute.ComputeType;
import org.pf4j.Extension;

/**
 * The component {@code openblas}: {@link OpenBlasCompute}. Where the natives cannot load, building it
 * fails with a {@link ConfigException} that gives the reason and names the pure-Java fallback.
 */
@Extension
public final class OpenBlasComputeType implements ComputeType {

  @Override
  public String id() {
    return OpenBlasCompute.ID;
  }

  @Override
  public String description() {
    return "OpenBLAS (cblas_dgemm, cblas_dgemv) on one thread per call through JavaCPP; natives bundled for linux-x86_64";
  }

  @Override
  public List<Param> parameters() {
    return List.of();
  }

  @Override
  public Compute create(Config config, BuildContext context) {
    String failure = OpenBlasNatives.failure();
    if (failure != null) {
      throw new ConfigException("type", "cannot use OpenBLAS on this machine: " + failure
          + "; use the pure-Java backend instead: \"compute\": {\"type\": \"java\"}");
    }
    return new OpenBlasCompute();
  }
}
