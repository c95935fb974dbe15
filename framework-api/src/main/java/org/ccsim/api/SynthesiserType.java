package org.ccsim.api;

/**
 * Extension point for a synthetic-gradient model: see {@link ComponentType} for the lifecycle and
 * {@link Synthesiser} for use. It is built by a learning rule, whose {@link BuildContext#network()}
 * gives the state size n.
 */
public interface SynthesiserType extends ComponentType<Synthesiser> {

  @Override
  default Class<Synthesiser> kind() {
    return Synthesiser.class;
  }
}
