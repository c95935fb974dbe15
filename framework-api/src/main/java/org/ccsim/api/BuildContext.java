package org.ccsim.api;

import java.util.random.RandomGenerator;
import org.ccsim.api.compute.Compute;

/**
 * What a {@link ComponentType} may use while creating an instance. Provided by the host.
 */
public interface BuildContext {

  /**
   * A random stream for {@code purpose}, derived from the scenario's master seed and this
   * component's place in the scenario, so that adding another component never changes it. Asking
   * twice for the same purpose gives two generators in the same state.
   */
  RandomGenerator random(String purpose);

  /** The task of the scenario; available to networks, learning rules and perturbations. */
  Task task();

  /** The scenario's backend for dense maths; available to every component but the backend itself. */
  Compute compute();

  /** The network of the scenario; available to learning rules. */
  Network network();

  /**
   * Records the concrete value a component chose for one of its choice parameters left to it (such
   * as {@code auto}), one of the parameter's choices: {@code scenario.resolved.json} shows it in place
   * of the placeholder, so the record says what ran and a rerun of it runs the same without deciding
   * again.
   */
  void resolve(String parameter, String value);

  /** Creates the nested component held by {@code config} (a {@link ParamType#COMPONENT} value). */
  <T> T create(Class<T> kind, Config config);
}
