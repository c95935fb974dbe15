package org.ccsim.api.compute;

import org.ccsim.api.ComponentType;

/**
 * Extension point for a compute backend, chosen by a scenario's {@code compute} section (default
 * {@code java}); see {@link ComponentType} for the lifecycle. A backend whose native code cannot
 * load on this platform throws a {@link org.ccsim.api.ConfigException} from {@code create} that
 * names the pure-Java fallback.
 */
public interface ComputeType extends ComponentType<Compute> {

  @Override
  default Class<Compute> kind() {
    return Compute.class;
  }
}
