package org.ccsim.core.build;

import org.ccsim.api.Episode;
import org.ccsim.api.ReplayableRandom;
import org.ccsim.api.Task;
import org.ccsim.core.results.SnapshotStore;

/**
 * The order in which a unit trains on a finite dataset's examples ({@link Task#examples()}): passes
 * over every example once, each pass in a fresh random order (a Fisher–Yates shuffle seeded from the
 * unit's task-sample stream), so that an epoch of {@code examples / batchSize} batches sees each
 * example once when the batch size divides the examples, and the remainder opens the next pass
 * otherwise.
 *
 * <p>Saved between batches as the seed of the current pass and the position in it, from which the
 * shuffle is redone exactly.
 */
final class ExampleOrder {

  private static final String KEY = "streams/example-order";

  private int[] order;
  private long seed;
  private int position;

  /** The next example of {@code task}, opening a new pass from {@code samples} when one is done. */
  Episode next(Task task, ReplayableRandom samples) {
    if (order == null || order.length != task.examples() || position == order.length) {
      seed = samples.nextLong();
      order = shuffled(task.examples(), seed);
      position = 0;
    }
    return task.example(order[position++]);
  }

  void save(SnapshotStore snapshot) {
    if (order != null) {
      snapshot.putLongs(KEY, seed, position, order.length);
    }
  }

  /** Restores a saved order; a snapshot without one (a generated task's) leaves it unopened. */
  void restore(SnapshotStore snapshot) {
    order = null;
    if (snapshot.entries().containsKey(KEY)) {
      long[] saved = snapshot.longs(KEY);
      seed = saved[0];
      position = (int) saved[1];
      order = shuffled((int) saved[2], seed);
    }
  }

  /** {@code 0..n-1} in the order of a Fisher–Yates shuffle drawn from {@code seed}. */
  static int[] shuffled(int n, long seed) {
    ReplayableRandom random = new ReplayableRandom(seed);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}
