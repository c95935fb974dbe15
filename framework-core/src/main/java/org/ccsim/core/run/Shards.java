package org.ccsim.core.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The units of a run dealt into N shards, one per process of a job array ({@code ccsim work RUN_DIR
 * --shard I/N}): every unit in exactly one shard, the same shards for the same run whatever the
 * machine, and the shards' estimated costs balanced by the longest-processing-time rule (Graham 1969:
 * units from the costliest down, each to the shard with the least cost so far, the lower index on a
 * tie), which keeps the costliest shard within 4/3 of the best possible.
 */
public final class Shards {

  private final List<List<UnitId>> shards;

  private Shards(List<List<UnitId>> shards) {
    this.shards = shards;
  }

  /**
   * Deals {@code units} into {@code count} shards by {@code cost}; units of equal cost keep their order.
   *
   * @throws IllegalArgumentException if {@code count} is below 1
   */
  public static Shards deal(List<UnitId> units, ToDoubleFunction<UnitId> cost, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a run is dealt into at least one shard, not " + count);
    }
    double[] load = new double[count];
    List<List<Integer>> dealt = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      dealt.add(new ArrayList<>());
    }
    List<Integer> costliestFirst = IntStream.range(0, units.size()).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -cost.applyAsDouble(units.get(i))).thenComparing(i -> i))
        .toList();
    for (int i : costliestFirst) {
      int least = 0;
      for (int s = 1; s < count; s++) {
        if (load[s] < load[least]) {
          least = s;
        }
      }
      load[least] += cost.applyAsDouble(units.get(i));
      dealt.get(least).add(i);
    }
    List<List<UnitId>> shards = new ArrayList<>();
    for (List<Integer> indices : dealt) {
      shards.add(indices.stream().sorted().map(units::get).toList());
    }
    return new Shards(List.copyOf(shards));
  }

  /** The number of shards. */
  public int count() {
    return shards.size();
  }

  /** The units of shard {@code index} (from 1), in the run's order. */
  public List<UnitId> shard(int index) {
    return shards.get(index - 1);
  }
}
