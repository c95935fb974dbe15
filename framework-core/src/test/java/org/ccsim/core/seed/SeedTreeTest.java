package org.ccsim.core.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeds derive from the master seed by the path of names only, never from a clock (README.md,
 * "Seeds and reproducibility").
 */
class SeedTreeTest {

  private static long[] draw(RandomGenerator random) {
    return random.longs(5).toArray();
  }

  @Test
  void samePathGivesSameSeedAndNumbers() {
    SeedTree a = new SeedTree(17).child("rules").child("bptt");
    SeedTree b = new SeedTree(17).child("rules").child("bptt");

    assertEquals(a.seed(), b.seed());
    assertArrayEquals(draw(a.random()), draw(b.random()));
  }

  @Test
  void differentNamesGiveDifferentSeeds() {
    SeedTree root = new SeedTree(17);

    assertNotEquals(root.child("task").seed(), root.child("network").seed());
    assertNotEquals(root.seed(), root.child("task").seed());
  }

  @Test
  void differentMasterSeedsGiveDifferentSeeds() {
    assertNotEquals(new SeedTree(17).child("task").seed(), new SeedTree(18).child("task").seed());
  }

  @Test
  void addingASiblingStreamDoesNotChangeAnother() {
    SeedTree alone = new SeedTree(17);
    long[] expected = draw(alone.child("rules").child("bptt").random());

    SeedTree withSibling = new SeedTree(17);
    draw(withSibling.child("rules").child("bp-lambda").random());
    long[] actual = draw(withSibling.child("rules").child("bptt").random());

    assertArrayEquals(expected, actual);
  }

  @Test
  void issuedSeedsRecordsEveryStreamHandedOutByPath() {
    SeedTree root = new SeedTree(17);
    SeedTree task = root.child("task");
    SeedTree weights = root.child("rules").child("bptt").child("weights");
    root.child("unused");
    task.random();
    weights.random();

    assertEquals(Map.of("task", task.seed(), "rules/bptt/weights", weights.seed()), root.issuedSeeds());
    assertEquals(root.issuedSeeds(), weights.issuedSeeds());
  }

  @Test
  void pathJoinsNamesWithSlashes() {
    assertEquals("rules/bptt", new SeedTree(17).child("rules").child("bptt").path());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "/"})
  void rejectsBadNames(String name) {
    assertThrows(IllegalArgumentException.class, () -> new SeedTree(17).child(name));
  }
}
