package org.ccsim.core.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ccsim.api.Tensor;
import org.junit.jupiter.api.Test;

/** Snapshots scope their keys, copy values both ways, and say clearly what is missing or misshapen. */
class SnapshotStoreTest {

  @Test
  void childrenScopeTheirKeysAndShareOneStore() {
    SnapshotStore root = new SnapshotStore();
    root.child("rule").child("lesions").putLongs("ablated", 1, 0);
    root.putDoubles("x", 2.5);

    assertEquals(List.of("rule/lesions/ablated", "x"), List.copyOf(root.entries().keySet()));
    assertArrayEquals(new long[] {1, 0}, root.child("rule").longs("lesions/ablated"));
    assertTrue(root.child("rule").has("lesions/ablated"));
  }

  @Test
  void valuesAreCopiedInAndOut() {
    double[] values = {1, 2};
    SnapshotStore snapshot = new SnapshotStore();
    snapshot.putDoubles("v", values);
    values[0] = 9;
    snapshot.doubles("v")[1] = 9;

    assertArrayEquals(new double[] {1, 2}, snapshot.doubles("v"));
  }

  @Test
  void tensorsRoundTripInPlace() {
    Tensor w = new Tensor("W", "g", 2, 1, new double[] {3, 4});
    SnapshotStore snapshot = new SnapshotStore();
    snapshot.putTensors(List.of(w));
    Tensor fresh = Tensor.zeros("W", "g", 2, 1);

    snapshot.copyTensorsInto(List.of(fresh));

    assertArrayEquals(w.data(), fresh.data());
  }

  @Test
  void missingWrongKindAndWrongLengthAreNamed() {
    SnapshotStore snapshot = new SnapshotStore();
    snapshot.child("a").putDoubles("v", 1, 2);

    assertEquals("the snapshot has no entry 'a/w'",
        assertThrows(IllegalStateException.class, () -> snapshot.child("a").doubles("w")).getMessage());
    assertEquals("snapshot entry 'a/v' is not a long[]",
        assertThrows(IllegalStateException.class, () -> snapshot.child("a").longs("v")).getMessage());
    assertEquals("snapshot entry 'a/v' holds 2 numbers where 3 are expected",
        assertThrows(IllegalStateException.class, () -> snapshot.child("a").copyInto("v", new double[3])).getMessage());
  }

  @Test
  void keysThatCouldEscapeAFolderAreRefused() {
    SnapshotStore snapshot = new SnapshotStore();
    snapshot.putLongs("sg-alignment [s=1]/W rec", 1); // any metric or tensor name a plugin may choose
    for (String bad : List.of("..", "a/../b", "", "a//b", "a\tb", "/abs")) {
      assertThrows(IllegalArgumentException.class, () -> snapshot.putLongs(bad, 1), bad);
    }
  }
}
