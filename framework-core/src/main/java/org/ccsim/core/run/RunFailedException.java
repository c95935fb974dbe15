package org.ccsim.core.run;

import java.util.List;

/** Some units of a run failed; the others finished and their results were kept. Exit code 1. */
public final class RunFailedException extends RuntimeException {

  public RunFailedException(List<String> failures) {
    super(failures.size() + " unit(s) failed: " + String.join("; ", failures));
  }
}
