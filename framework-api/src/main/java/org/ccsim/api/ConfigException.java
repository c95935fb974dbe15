package org.ccsim.api;

/**
 * Thrown by {@link ComponentType#create(Config, BuildContext)} when a configuration is invalid in a
 * way the parameter declarations cannot express. The host prefixes the scenario file and the JSON
 * path of the component (and of {@link #parameter()} when given).
 */
public class ConfigException extends RuntimeException {

  private final String parameter;

  /** A problem with one parameter, e.g. {@code ("fanIn", "must not exceed hidden (30)")}. */
  public ConfigException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** A problem with the component as a whole. */
  public ConfigException(String message) {
    this(null, message);
  }

  /** The parameter at fault, or {@code null} for the whole component. */
  public String parameter() {
    return parameter;
  }
}
