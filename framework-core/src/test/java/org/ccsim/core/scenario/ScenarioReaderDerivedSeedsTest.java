package org.ccsim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.ccsim.core.seed.SeedTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code derivedSeeds} in a resolved scenario must agree with its master seed. */
class ScenarioReaderDerivedSeedsTest {

  private static final long TASK_SEED = new SeedTree(17).child("task").seed();
  private static final long WEIGHTS_SEED = new SeedTree(17).child("rules").child("bptt").child("weights").seed();

  @TempDir
  Path dir;

  private Path withDerivedSeeds(String seeds) {
    return ScenarioFiles.write(dir, "resolved.json",
        ScenarioFiles.MINIMAL.replace("'seed': 17,", "'seed': 17, 'derivedSeeds': " + seeds + ","));
  }

  @Test
  void acceptsSeedsDerivedFromTheMasterSeed() {
    Path file = withDerivedSeeds("{'task': " + TASK_SEED + ", 'rules/bptt/weights': " + WEIGHTS_SEED + "}");

    assertDoesNotThrow(() -> new ScenarioReader(FakeComponents.registry()).read(file, List.of()));
  }

  @Test
  void rejectsASeedTheMasterSeedDoesNotDerive() {
    long wrong = WEIGHTS_SEED + 1;
    Path file = withDerivedSeeds("{'task': " + TASK_SEED + ", 'rules/bptt/weights': " + wrong + "}");

    ScenarioException e = assertThrows(ScenarioException.class,
        () -> new ScenarioReader(FakeComponents.registry()).read(file, List.of()));

    assertEquals(List.of(new Problem("$.derivedSeeds['rules/bptt/weights']",
        "does not match master seed 17 (expected " + WEIGHTS_SEED + ", got " + wrong + ")")), e.problems());
  }

  @Test
  void rejectsDerivedSeedsAfterTheMasterSeedIsChanged() {
    Path file = withDerivedSeeds("{'task': " + TASK_SEED + "}");

    ScenarioException e = assertThrows(ScenarioException.class,
        () -> new ScenarioReader(FakeComponents.registry()).read(file, List.of("seed=18")));

    assertEquals("$.derivedSeeds.task", e.problems().get(0).path());
  }
}
