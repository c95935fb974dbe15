package org.ccsim.core.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario that cannot be run, with every problem found in it. Maps to exit code 2. */
public final class ScenarioException extends RuntimeException {

  private final List<Problem> problems;

  public ScenarioException(String file, List<Problem> problems) {
    super(problems.stream().map(p -> p.format(file)).collect(Collectors.joining(System.lineSeparator())));
    this.problems = List.copyOf(problems);
  }

  /** What is wrong, in the order found. */
  public List<Problem> problems() {
    return problems;
  }
}
