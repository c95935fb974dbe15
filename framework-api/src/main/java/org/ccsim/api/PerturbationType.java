package org.ccsim.api;

/** Extension point for a task perturbation: see {@link ComponentType} for the lifecycle and {@link Perturbation} for use. */
public interface PerturbationType extends ComponentType<Perturbation> {

  @Override
  default Class<Perturbation> kind() {
    return Perturbation.class;
  }
}
