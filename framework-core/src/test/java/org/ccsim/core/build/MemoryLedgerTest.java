package org.ccsim.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ccsim.core.scenario.JsonPath;
import org.ccsim.core.scenario.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory guard's arithmetic on a small injected heap limit: a declaration or a unit that cannot
 * fit is refused where it is declared, a run by the units it runs at once.
 */
class MemoryLedgerTest {

  private static final long MB = 1L << 20;
  private static final JsonPath TASK = JsonPath.ROOT.key("task");
  private static final JsonPath NETWORK = JsonPath.ROOT.key("network");
  private static final JsonPath RULE = JsonPath.ROOT.key("rules").key("bp");

  @TempDir
  Path dir;

  @Test
  void aDeclarationLargerThanTheHeapIsRefusedWithTheEstimateAndTheLimit() {
    MemoryLedger ledger = new MemoryLedger(100 * MB);
    BuildException e = assertThrows(BuildException.class,
        () -> ledger.of("bp").reserve(RULE, "eligibility traces (batch 10)", 7.5 * 1024 * MB));
    Problem problem = e.problem();
    assertEquals("$.rules.bp", problem.path());
    assertTrue(problem.message().startsWith("needs about 7.5 GB for eligibility traces (batch 10), more than the JVM"
        + " heap limit of 100.0 MB; raise the heap limit"), problem.message());
    assertTrue(problem.message().contains("CCSIM_JAVA_OPTS=-Xmx"), problem.message());
  }

  @Test
  void sizesBeyondAnyMachineAskOnlyForSmallerSizes() {
    MemoryLedger ledger = new MemoryLedger(100 * MB);
    String message = assertThrows(BuildException.class,
        () -> ledger.common().reserve(NETWORK, "parameters", 8.0 * 1e9 * 1e9)).problem().message();
    assertTrue(message.endsWith("; reduce the sizes named"), message);
    assertTrue(message.contains("needs about 6.9 EB"), message);
  }

  @Test
  void aUnitIsTheNetworksShareAndItsRulesOwn() {
    MemoryLedger ledger = new MemoryLedger(100 * MB);
    ledger.common().reserve(NETWORK, "parameters", 10 * MB);
    ledger.of("bp").reserve(RULE, "traces", 30 * MB);
    ledger.of("bptt").reserve(JsonPath.ROOT.key("rules").key("bptt"), "activations", 5 * MB);
    assertEquals(40 * MB, ledger.unitBytes("bp"));
    assertEquals(15 * MB, ledger.unitBytes("bptt"));
  }

  @Test
  void buildingTheSameUnitAgainDeclaresNothingMore() {
    MemoryLedger ledger = new MemoryLedger(100 * MB);
    for (int replicate = 0; replicate < 5; replicate++) {
      ledger.of("bp").reserve(RULE, "traces", 30 * MB);
    }
    assertEquals(30 * MB, ledger.unitBytes("bp"));
  }

  @Test
  void declarationsThatTogetherOverfillAUnitAreRefusedNamingTheRule() {
    MemoryLedger ledger = new MemoryLedger(100 * MB);
    ledger.common().reserve(NETWORK, "parameters", 60 * MB);
    String message = assertThrows(BuildException.class, () -> ledger.of("bp").reserve(RULE, "traces", 50 * MB))
        .problem().message();
    assertTrue(message.startsWith("needs about 50.0 MB for traces, which makes a training unit of rule bp need about"
        + " 110.0 MB in all, more than the JVM heap limit of 100.0 MB"), message);
  }

  @Test
  void aRunCountsTheLargestUnitsThatRunAtOnceAndSuggestsAThreadCountThatFits() {
    MemoryLedger ledger = new MemoryLedger(100 * MB);
    ledger.common().reserve(NETWORK, "parameters", 10 * MB);
    ledger.of("bp").reserve(RULE, "traces", 30 * MB);
    ledger.of("bptt").reserve(JsonPath.ROOT.key("rules").key("bptt"), "activations", 5 * MB);
    // units: 3 x 40 MB (bp), 3 x 15 MB (bptt)
    List<String> rules = List.of("bp", "bptt");
    assertTrue(ledger.check(rules, 2, 3).isEmpty(), "80 MB fit");
    Problem problem = ledger.check(rules, 4, 3).orElseThrow();
    assertEquals("--threads", problem.path());
    assertTrue(problem.message().startsWith("the run needs about 135.0 MB for 4 training units at once on 4 thread(s)"
        + " (the largest, of rule bp, about 40.0 MB), more than the JVM heap limit of 100.0 MB: run with --threads 2"
        + " (about 80.0 MB), or raise the heap limit"), problem.message());
    assertTrue(ledger.check(rules, 64, 1).isEmpty(), "one unit per rule: 55 MB whatever the threads");
  }

  @Test
  void aRuleThatDeclaresNothingStillHoldsTheNetworksShare() {
    MemoryLedger ledger = new MemoryLedger(100 * MB);
    ledger.common().reserve(NETWORK, "parameters", 30 * MB);

    assertTrue(ledger.check(List.of("silent"), 3, 3).isEmpty(), "3 units of 30 MB at once: 90 MB");
    assertTrue(ledger.check(List.of("silent"), 4, 4).isPresent(), "4 units of 30 MB at once: 120 MB");
    assertTrue(ledger.check(List.of("silent", "quiet"), 4, 2).orElseThrow().message()
        .startsWith("the run needs about 120.0 MB for 4 training units"), "each rule's units count");
  }

  @Test
  void theTasksDataIsCountedOnceWhateverTheUnitsRunningAtOnce() {
    MemoryLedger ledger = new MemoryLedger(100 * MB);
    ledger.shared().reserve(TASK, "images", 40 * MB);
    ledger.common().reserve(NETWORK, "parameters", 10 * MB);
    assertEquals(10 * MB, ledger.unitBytes("bp"), "a unit holds no copy of the task's data");
    assertTrue(ledger.check(List.of("bp"), 6, 6).isEmpty(), "40 MB once + 6 units of 10 MB: exactly 100 MB");
    Problem problem = ledger.check(List.of("bp"), 7, 7).orElseThrow();
    assertTrue(problem.message().startsWith("the run needs about 110.0 MB for 7 training units at once on 7 thread(s)"
        + " (the largest, of rule bp, about 10.0 MB) and the task's data held once (about 40.0 MB), more than the JVM"
        + " heap limit of 100.0 MB: run with --threads 6 (about 100.0 MB), or raise the heap limit"), problem.message());
  }

  @Test
  void aUnitThatDoesNotFitBesideTheTasksDataIsRefusedSayingSo() {
    MemoryLedger ledger = new MemoryLedger(100 * MB);
    ledger.shared().reserve(TASK, "images", 70 * MB);
    String message = assertThrows(BuildException.class, () -> ledger.of("bp").reserve(RULE, "traces", 40 * MB))
        .problem().message();
    assertTrue(message.startsWith("needs about 40.0 MB for traces, which makes a training unit of rule bp need about"
        + " 40.0 MB in all and the task's data held once (about 70.0 MB), more than the JVM heap limit of 100.0 MB"),
        message);
  }

  @Test
  void aNegativeOrUndefinedDeclarationIsTheComponentsBug() {
    MemoryLedger ledger = new MemoryLedger(100 * MB);
    assertThrows(IllegalArgumentException.class, () -> ledger.common().reserve(NETWORK, "x", -1));
    assertThrows(IllegalArgumentException.class, () -> ledger.common().reserve(NETWORK, "x", Double.NaN));
  }

  @Test
  void sizesReadInBinaryUnitsAsTheJvmCountsThem() {
    assertEquals("512 bytes", MemoryLedger.format(512));
    assertEquals("1.5 KB", MemoryLedger.format(1536));
    assertEquals("2.0 GB", MemoryLedger.format(2.0 * (1L << 30)));
  }

  @Test
  void aComparisonsLeaderHoldsAFollowerUnitOfEveryOtherRule() {
    MemoryLedger ledger = new MemoryLedger(100 * MB);
    ledger.carries("bptt", List.of("rtrl", "bp"));
    ledger.common().reserve(NETWORK, "parameters", 5 * MB);
    ledger.of("bptt").reserve(JsonPath.ROOT.key("rules").key("bptt"), "activations", 5 * MB);
    ledger.of("rtrl").reserve(JsonPath.ROOT.key("rules").key("rtrl"), "influence matrices", 20 * MB);
    ledger.of("bp").reserve(RULE, "traces", 10 * MB);
    assertEquals(50 * MB, ledger.unitBytes("bptt"), "10 MB of its own, 25 MB for rtrl's follower, 15 MB for bp's");
    assertEquals(25 * MB, ledger.unitBytes("rtrl"));
    assertTrue(ledger.check(List.of("bptt"), 2, 2).isEmpty(), "two leaders at once: exactly 100 MB");
    String message = ledger.check(List.of("bptt"), 3, 3).orElseThrow().message();
    assertTrue(message.contains("(the largest, of rule bptt with the 2 rules it compares, about 50.0 MB)"), message);
    BuildException e = assertThrows(BuildException.class,
        () -> ledger.of("rtrl").reserve(JsonPath.ROOT.key("rules").key("rtrl"), "influence matrices", 71 * MB));
    assertTrue(e.problem().message().contains("which makes a training unit of rule bptt need about 101.0 MB"),
        "a follower that fits alone but not in its leader is refused: " + e.problem().message());
  }

  @Test
  void aScenarioWithACompareBlockCountsItsLeadersFollowers() throws IOException {
    String rules = "{\"a\": {\"type\": \"faulty-rule\"}, \"b\": {\"type\": \"faulty-rule\"}}";
    String phases = "\"phases\": [{\"name\": \"p\", \"epochs\": 1}]";
    String adam = ", \"groupOptimisers\": {\"cortex\": {\"type\": \"adam\"}}";
    BuiltScenario alone = FaultyScenario.build(dir, rules, phases, adam);
    BuiltScenario compared = FaultyScenario.build(dir, rules, "\"compare\": {\"leader\": \"a\"}, " + phases, adam);
    alone.newUnit("a", 1);
    compared.newUnit("a", 1);
    assertTrue(alone.unitBytes("a") > 0, "Adam's moments at least");
    assertEquals(2 * alone.unitBytes("a"), compared.unitBytes("a"), "a's own unit and b's follower");
  }
}
