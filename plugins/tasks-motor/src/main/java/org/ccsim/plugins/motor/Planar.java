package org.ccsim.plugins.motor;

import org.ccsim.api.BuildContext;
import org.ccsim.api.ConfigException;

/** The check shared by perturbations that act in the plane. */
final class Planar {

  private Planar() {
  }

  /** Fails unless the scenario's task has 2-D output. */
  static void require(BuildContext context) {
    if (context.task().outputSize() != 2) {
      throw new ConfigException("this perturbation needs a task with 2-D output, not "
          + context.task().outputSize() + "-D");
    }
  }
}
