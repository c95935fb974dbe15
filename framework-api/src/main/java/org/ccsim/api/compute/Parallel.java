package org.ccsim.api.compute;

import java.util.function.IntConsumer;

/**
 * The host's loop over independent pieces of work, e.g. the examples of a batch, spread over the
 * machine's cores. Components get it from {@link org.ccsim.api.BuildContext#parallel()}; a
 * component type may also ask for it by constructor injection ({@code @Inject}).
 */
public interface Parallel {

  /**
   * Runs {@code body} for every index in {@code [0, count)}, on the calling thread and the host's
   * helper threads, and returns when all are done; allocates nothing. The pieces must write disjoint
   * memory; then the result does not depend on the number of threads. If pieces fail, the call
   * throws the failure of the lowest failing index.
   */
  void forEach(int count, IntConsumer body);
}
