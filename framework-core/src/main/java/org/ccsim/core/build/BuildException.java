package org.ccsim.core.build;

import org.ccsim.core.scenario.JsonPath;
import org.ccsim.core.scenario.Problem;

/** A component that could not be built, located in the scenario. */
final class BuildException extends RuntimeException {

  private final JsonPath path;

  BuildException(JsonPath path, String message) {
    super(message);
    this.path = path;
  }

  /** Why a component that ran out of memory cannot be built, for a message at its path. */
  static String outOfMemory(String what) {
    return what + " does not fit in memory: it needs more than the JVM's maximum heap of "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB (make it smaller, or give Java more, e.g. CCSIM_JAVA_OPTS=-Xmx16g)";
  }

  Problem problem() {
    return new Problem(path, getMessage());
  }
}
