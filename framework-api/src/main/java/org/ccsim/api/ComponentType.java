package org.ccsim.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A kind of component a scenario can name with {@code "type": "<id>"}.
 *
 * <p>Lifecycle, in the order the host calls it:
 * <ol>
 *   <li>{@link #id()}, {@link #kind()}, {@link #description()} and {@link #parameters()} when the
 *       plugin is loaded; they must be constant.</li>
 *   <li>The host validates the scenario's object for this component against {@link #parameters()}
 *       (unknown keys, types, ranges) and fills in defaults. No component code runs before that.</li>
 *   <li>{@link #create(Config, BuildContext)} once while the scenario is built (a dry build, to
 *       surface cross-component errors early) and again for every unit of work that needs a fresh
 *       instance (for learning rules and optimisers: every (rule, replicate) pair).</li>
 * </ol>
 * Implementations must be stateless and thread-safe: all mutable state belongs to created
 * instances.
 *
 * @param <T> the runtime interface created, e.g. {@link Network}
 */
public interface ComponentType<T> extends ExtensionPoint {

  /** The id a scenario uses in {@code "type"}: lower case, words joined by hyphens. */
  String id();

  /** The runtime interface this type creates. */
  Class<T> kind();

  /** One line saying what the component is, citing its source where there is one. */
  String description();

  /** Every parameter the component accepts, in the order {@code describe} lists them. */
  List<Param> parameters();

  /**
   * Creates an instance from a validated configuration.
   *
   * @throws ConfigException when the parameters are individually valid but do not fit together
   *     or do not fit the rest of the scenario (e.g. sizes disagree)
   */
  T create(Config config, BuildContext context);
}
