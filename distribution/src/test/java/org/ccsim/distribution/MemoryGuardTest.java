package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenarios too big for the JVM heap are refused while they are built (exit 2, the estimate, the
 * limit, no stack trace and nothing allocated or written), and runs by the units they run at once.
 */
class MemoryGuardTest {

  @TempDir
  Path dir;

  @Test
  void aHiddenLayerTooBigForTheHeapIsRefusedWithTheEstimateBeforeItIsAllocated() {
    Cli.Result result = Cli.run("validate", quickstart(), "--set", "network.hidden=100000");
    assertEquals(2, result.exit(), result.err());
    assertTrue(result.err().contains(quickstart() + ": $.network: needs about 149.0 GB for parameters W_in, W_rec, b,"
        + " W_out, b_out of n 100000 units"), result.err());
    assertTrue(result.err().contains("more than the JVM heap limit of"), result.err());
    assertFalse(result.err().contains("Exception") || result.err().contains("Error"), result.err());
  }

  @Test
  void anAbsurdHiddenLayerIsOutOfRange() {
    Cli.Result result = Cli.run("validate", quickstart(), "--set", "network.hidden=1000000000");
    assertEquals(2, result.exit(), result.err());
    assertTrue(result.err().contains("$.network.hidden: must be between 1 and 100000 (got 1000000000)"), result.err());
  }

  @Test
  void eligibilityTracesTooBigForTheHeapAreRefusedAtTheRule() {
    Cli.Result result = Cli.run("validate", Cli.scenarios().resolve("bp-lambda-alignment.json").toString(),
        "--set", "network.hidden=1000", "--set", "rules.bp-1.traceForm=trace");
    assertEquals(2, result.exit(), result.err());
    assertTrue(result.err().contains("$.rules.bp-1: needs about 149.2 GB for eligibility traces (2 x batch 10 x n 1000"
        + " x P 1001000 doubles, and batch x n^2 for J_t)"), result.err());
  }

  @Test
  void aLeastSquaresSystemTooBigForTheHeapIsRefusedAtTheRule() {
    Cli.Result result = Cli.run("validate", Cli.scenarios().resolve("bp-lambda-alignment.json").toString(),
        "--set", "network.hidden=300");
    assertEquals(2, result.exit(), result.err());
    assertTrue(result.err().contains("$.rules.lsq-1: needs about"), result.err());
    assertTrue(result.err().contains("for least-squares fit (A, the system and its LU: 3 x P^2 with P = n 300 x (m 300"
        + " + 1), and per example two traces, doubles), more than the JVM heap limit of"), result.err());
  }

  /**
   * A batch size that makes one unit about 60% of this JVM's heap: it validates (one unit fits), and
   * {@code run} refuses two at once, suggesting one thread, before it creates a results folder.
   */
  @Test
  void aRunIsRefusedForTheUnitsItRunsAtOnceAndToldAThreadCountThatFits() throws IOException {
    int n = 20;
    double perExample = Double.BYTES * (2.0 * n * (n * n + n) + n * n);
    long batch = (long) (0.6 * Runtime.getRuntime().maxMemory() / perExample);
    Path scenario = dir.resolve("big-batches.json");
    Files.writeString(scenario, """
        {
          "scenario": "big-batches",
          "seed": 3,
          "replicates": 2,
          "task": { "type": "line-drawing", "steps": 4 },
          "network": { "type": "tanh-rnn", "hidden": %d },
          "training": { "epochs": 1, "batchSize": %d },
          "rules": { "bp": { "type": "bp-lambda", "traceForm": "trace" } }
        }
        """.formatted(n, batch));
    Cli.Result validated = Cli.run("validate", scenario.toString());
    assertEquals(0, validated.exit(), validated.err());

    Path out = dir.resolve("runs");
    Cli.Result result = Cli.run("run", scenario.toString(), "--threads", "2", "--out", out.toString());
    assertEquals(2, result.exit(), result.err());
    assertTrue(result.err().contains(scenario + ": --threads: the run needs about"), result.err());
    assertTrue(result.err().contains("for 2 training units at once on 2 thread(s)"), result.err());
    assertTrue(result.err().contains("more than the JVM heap limit of"), result.err());
    assertTrue(result.err().contains(": run with --threads 1 (about"), result.err());
    assertFalse(Files.exists(out), "nothing is written for a refused run");
  }

  private static String quickstart() {
    return Cli.scenarios().resolve("quickstart.json").toString();
  }
}
