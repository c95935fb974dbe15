package org.ccsim.core.compute;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Param;
import org.ccsim.api.compute.Compute;
import org.ccsim.api.compute.ComputeType;

/** The component type {@code java}, the default backend {@link JavaCompute}: no parameters. */
public final class JavaComputeType implements ComputeType {

  @Override
  public String id() {
    return JavaCompute.ID;
  }

  @Override
  public String description() {
    return "pure-Java dense kernels (SIMD through jdk.incubator.vector when present), the default backend";
  }

  @Override
  public List<Param> parameters() {
    return List.of();
  }

  @Override
  public Compute create(Config config, BuildContext context) {
    return new JavaCompute();
  }
}
