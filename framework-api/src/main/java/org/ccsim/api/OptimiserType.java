package org.ccsim.api;

/** Extension point for an optimiser: see {@link ComponentType} for the lifecycle and {@link Optimiser} for use. */
public interface OptimiserType extends ComponentType<Optimiser> {

  @Override
  default Class<Optimiser> kind() {
    return Optimiser.class;
  }
}
