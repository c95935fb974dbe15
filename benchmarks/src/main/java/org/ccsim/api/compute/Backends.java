package org.ccsim.api.compute;

/** The compute backends the benchmarks compare, by the id a scenario uses. */
public final class Backends {

  private Backends() {
  }

  /** The backend {@code id}: {@code java} (the default). */
  public static Compute create(String id) {
    return switch (id) {
      case JavaCompute.ID -> new JavaCompute();
      default -> throw new IllegalArgumentException("no backend " + id + " in the benchmarks");
    };
  }
}
