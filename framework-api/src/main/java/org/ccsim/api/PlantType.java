package org.ccsim.api;

/** Extension point for a body a network drives: see {@link ComponentType} for the lifecycle and {@link Plant} for use. */
public interface PlantType extends ComponentType<Plant> {

  @Override
  default Class<Plant> kind() {
    return Plant.class;
  }
}
