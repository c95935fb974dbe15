package org.ccsim.api;

/** Extension point for a cortical network: see {@link ComponentType} for the lifecycle and {@link Network} for use. */
public interface NetworkType extends ComponentType<Network> {

  @Override
  default Class<Network> kind() {
    return Network.class;
  }
}
