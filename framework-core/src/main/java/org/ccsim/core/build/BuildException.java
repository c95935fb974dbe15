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

  Problem problem() {
    return new Problem(path, getMessage());
  }
}
