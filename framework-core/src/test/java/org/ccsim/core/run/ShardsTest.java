package org.ccsim.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** {@link Shards}: every unit in exactly one shard, the same shards every time, costs balanced. */
class ShardsTest {

  private static final Map<String, Double> COST = Map.of("rtrl", 9.0, "bp", 4.0, "bptt", 1.0);
  private static final ToDoubleFunction<UnitId> BY_RULE = u -> COST.get(u.rule());

  private static List<UnitId> units(int replicates) {
    List<UnitId> units = new ArrayList<>();
    for (int r = 1; r <= replicates; r++) {
      for (String rule : List.of("bptt", "bp", "rtrl")) {
        units.add(new UnitId(rule, r));
      }
    }
    return units;
  }

  @Test
  void everyUnitIsInExactlyOneShardInTheRunsOrder() {
    List<UnitId> units = units(5);
    for (int count = 1; count <= 20; count++) {
      Shards shards = Shards.deal(units, BY_RULE, count);
      List<UnitId> all = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        List<UnitId> shard = shards.shard(i);
        assertEquals(shard.stream().sorted((a, b) -> units.indexOf(a) - units.indexOf(b)).toList(), shard,
            "a shard lists its units in the run's order");
        all.addAll(shard);
      }
      assertEquals(units.size(), all.size(), count + " shards");
      assertTrue(all.containsAll(units), count + " shards");
    }
  }

  @Test
  void theSameUnitsAndCostsGiveTheSameShards() {
    for (int i = 1; i <= 4; i++) {
      assertEquals(Shards.deal(units(5), BY_RULE, 4).shard(i), Shards.deal(units(5), BY_RULE, 4).shard(i));
    }
  }

  @Test
  void theCostliestUnitsAreSpreadFirst() {
    Shards shards = Shards.deal(units(2), BY_RULE, 2);
    assertEquals(List.of(new UnitId("bptt", 1), new UnitId("bp", 1), new UnitId("rtrl", 1)), shards.shard(1),
        "rtrl 1 and 2 go first, one to each shard, then bp and bptt in turn");
    assertEquals(List.of(new UnitId("bptt", 2), new UnitId("bp", 2), new UnitId("rtrl", 2)), shards.shard(2));
    double[] loads = new double[3];
    Shards three = Shards.deal(units(5), BY_RULE, 3);
    for (int i = 1; i <= 3; i++) {
      loads[i - 1] = three.shard(i).stream().mapToDouble(BY_RULE).sum();
    }
    assertEquals(List.of(24.0, 23.0, 23.0), List.of(loads[0], loads[1], loads[2]),
        "70 in all: within one bptt unit of a third each");
  }

  @Test
  void aShardCountBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Shards.deal(units(1), BY_RULE, 0));
  }
}
