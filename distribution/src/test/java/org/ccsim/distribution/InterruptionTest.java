package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals to a real {@code ccsim run} in a child JVM: after SIGKILL the run resumes from its last
 * checkpoints, after SIGTERM it stops cleanly, keeps its completed units and prints the resume
 * command; either way the resumed run's {@code metrics.csv} is byte for byte that of a run never
 * interrupted. A SIGTERM to the launcher {@code ./ccsim} reaches the run the same way.
 *
 * <p>Nothing here depends on how fast the child runs. The scenario is {@code checkpointed.json} with
 * the test plugin's {@code test-hold} perturbation (source in {@code gate-plugin/}) on its first
 * phase: on one thread, the child completes its first unit, trains the second to the start of its
 * fourth epoch (a checkpoint at epoch 2 behind it), creates {@code gate/reached} and waits there
 * until the test creates {@code gate/open}. The test signals it only then, and it reads only files
 * the child creates once and appends to or never changes ({@code gate/reached}, its standard output
 * and error): never a folder the child is writing.
 */
class InterruptionTest {

  private static final int EPOCHS = HeldScenario.EPOCHS;
  private static final Pattern RESUME = Pattern.compile("resume with: ccsim run --resume (\\S+)");
  private static final long PATIENCE_MINUTES = 10;

  @TempDir
  static Path dir;

  private static Path scenario;
  private static Path plugins;
  private static String uninterrupted;

  @BeforeAll
  static void buildTheHoldPluginAndRunOnceWithoutInterruption() throws IOException {
    HeldScenario held = HeldScenario.under(dir);
    plugins = held.plugins();
    scenario = held.scenario();
    uninterrupted = held.uninterrupted();
  }

  @Test
  void aRunKilledWithSigkillResumesFromItsCheckpointsToTheSameMetrics() throws Exception {
    Path out = dir.resolve("killed");
    Process child = start(out);
    try {
      awaitHold(out, child);
      Cli.Result whileRunning = run("run", "--resume", onlyRunFolder(out).toString());
      assertEquals(2, whileRunning.exit(), "a run still going cannot be resumed: " + whileRunning.out());
      assertTrue(whileRunning.err().contains("is in use by another ccsim process"), whileRunning.err());
    } finally {
      child.destroyForcibly().waitFor();
    }
    Path run = onlyRunFolder(out);
    assertEquals("running", status(run), "killed mid-run");

    Cli.Result resumed = run("run", "--resume", run.toString(), "--threads", "2");

    assertEquals(0, resumed.exit(), resumed.err());
    assertEquals(uninterrupted, Files.readString(run.resolve("metrics.csv")));
    assertEquals("completed", status(run));
  }

  @Test
  void sigtermKeepsCompletedUnitsAndPrintsTheResumeCommand() throws Exception {
    Path out = dir.resolve("terminated");
    Process child = start(out);
    int exit = terminateAtTheHold(out, child);
    Path run = onlyRunFolder(out);
    String stdout = Files.readString(out.resolve("stdout.txt"));
    assertEquals(143, exit, "killed by SIGTERM after a clean stop:\n" + stdout);
    Matcher resume = RESUME.matcher(stdout);
    assertTrue(resume.find(), "prints the resume command:\n" + stdout);
    assertEquals(run.toAbsolutePath().toString(), resume.group(1));
    assertEquals("interrupted", status(run));
    assertEquals(Map.of("bptt/1", EPOCHS), lastEpochs(run.resolve("metrics.csv")),
        "the first unit completed, the held one stopped, the rest never started");

    Cli.Result resumed = run("run", "--resume", resume.group(1));

    assertEquals(0, resumed.exit(), resumed.err());
    assertEquals(uninterrupted, Files.readString(run.resolve("metrics.csv")));
  }

  @Test
  void sigtermToTheLauncherReachesTheRunWhichStopsCleanly() throws Exception {
    Path out = dir.resolve("launched");
    Path gate = Files.createDirectories(out.resolve("gate"));
    List<String> command = new ArrayList<>(Cli.launcher());
    command.addAll(List.of("run", scenario.toString(), "--out", out.toAbsolutePath().toString(), "--threads", "1"));
    ProcessBuilder launcher = new ProcessBuilder(command)
        .redirectOutput(out.resolve("stdout.txt").toFile())
        .redirectError(out.resolve("stderr.txt").toFile());
    launcher.environment().put("CCSIM_PLUGINS", plugins.toAbsolutePath().toString());
    launcher.environment().put("CCSIM_JAVA_OPTS", "-Dccsim.test.gate=" + gate.toAbsolutePath());
    Process child = launcher.start();
    int exit = terminateAtTheHold(out, child);
    assertEquals(143, exit, "the launcher ends with the run's status");
    assertEquals("interrupted", status(onlyRunFolder(out)));
    String stderr = Files.readString(out.resolve("stderr.txt"));
    assertFalse(stderr.contains("WARNING"), "the JVM's incubator line is dropped: " + stderr);
    assertTrue(stderr.strip().startsWith("ccsim: interrupted: "), stderr);
  }

  /**
   * Sends SIGTERM once the child is held at its gate, opens the gate once the child says it is
   * stopping, and returns its exit status.
   */
  private static int terminateAtTheHold(Path out, Process child) throws Exception {
    try {
      awaitHold(out, child);
      child.destroy();
      awaitText(out.resolve("stderr.txt"), "ccsim: interrupted", child);
      Files.createFile(out.resolve("gate/open"));
      return child.waitFor();
    } finally {
      child.destroyForcibly().waitFor();
    }
  }

  private static Cli.Result run(String... args) {
    return Cli.runWithPlugins(List.of(plugins), args);
  }

  @Test
  void aShardKilledWithSigkillIsTakenOverByItsRerunToTheSameMetrics() throws Exception {
    Path out = dir.resolve("shard-killed");
    Path run = prepared(out);
    Process child = start(out, "work", run.toString(), "--shard", "1/1", "--threads", "1");
    try {
      awaitHold(out, child);
      Cli.Result whileHeld = run("status", run.toString());
      assertTrue(whileHeld.out().contains("1 finished, 1 running, 6 not started"), whileHeld.out());
      assertTrue(whileHeld.out().contains("pid " + child.pid() + "; epoch 2 of " + EPOCHS + " at its last checkpoint"),
          whileHeld.out());
    } finally {
      child.destroyForcibly().waitFor();
    }
    assertTrue(run("status", run.toString()).out().contains("1 finished, 1 checkpointed, 6 not started"),
        "the killed process's claim is stale at once on its own host");

    Cli.Result rerun = run("work", run.toString(), "--shard", "1/1", "--threads", "2");

    assertEquals(0, rerun.exit(), rerun.out() + rerun.err());
    assertTrue(rerun.out().contains("1 finished before, 7 to train (1 with a checkpoint)"), rerun.out());
    assertEquals(0, run("report", run.toString()).exit());
    assertEquals(uninterrupted, Files.readString(run.resolve("metrics.csv")));
  }

  @Test
  void sigtermStopsAShardCleanlyAndRunningItAgainCompletesIt() throws Exception {
    Path out = dir.resolve("shard-terminated");
    Path run = prepared(out);
    int exit = terminateAtTheHold(out, start(out, "work", run.toString(), "--shard", "1/1", "--threads", "1"));
    assertEquals(143, exit, Files.readString(out.resolve("stdout.txt")));
    assertTrue(Files.readString(out.resolve("stderr.txt")).contains("then resume with: ccsim work " + run
        + " --shard 1/1"), Files.readString(out.resolve("stderr.txt")));
    assertEquals("interrupted", new ObjectMapper().readTree(run.resolve("shards/shard-1-of-1.json").toFile())
        .path("status").asText());
    try (var files = Files.walk(run.resolve("units"))) {
      assertEquals(List.of(), files.filter(f -> f.getFileName().toString().equals("claim")).toList(),
          "a stopped shard releases its claims before it exits, so another node need not wait for them to go stale");
    }
    assertTrue(run("status", run.toString()).out().contains("1 finished, 1 checkpointed, 6 not started"));

    Cli.Result rerun = run("work", run.toString(), "--shard", "1/1", "--threads", "2");

    assertEquals(0, rerun.exit(), rerun.out() + rerun.err());
    assertEquals(0, run("report", run.toString()).exit());
    assertEquals(uninterrupted, Files.readString(run.resolve("metrics.csv")));
  }

  /** A run folder of the held scenario prepared for shards under {@code out}. */
  private static Path prepared(Path out) throws IOException {
    Cli.Result prepared = run("run", scenario.toString(), "--prepare", "--out", out.toString());
    assertEquals(0, prepared.exit(), prepared.err());
    return onlyRunFolder(out);
  }

  /** {@code ccsim run} of the held scenario in a child JVM, on one thread, its gate in {@code out/gate}. */
  private static Process start(Path out) throws IOException {
    return start(out, "run", scenario.toString(), "--out", out.toAbsolutePath().toString(), "--threads", "1");
  }

  /** The ccsim command {@code args} in a child JVM, with the hold plugin, its gate in {@code out/gate}. */
  private static Process start(Path out, String... args) throws IOException {
    Path gate = Files.createDirectories(out.resolve("gate"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path dist = Cli.dist().toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(java.toString(), "--add-modules", "jdk.incubator.vector",
        "-Djava.awt.headless=true", "-Dccsim.command=ccsim", "-Dccsim.test.gate=" + gate.toAbsolutePath(),
        "-Dccsim.plugins=" + dist.resolve("plugins") + File.pathSeparator + plugins.toAbsolutePath(),
        "-cp", dist.resolve("lib") + "/*", "org.ccsim.core.cli.Main"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectOutput(out.resolve("stdout.txt").toFile())
        .redirectError(out.resolve("stderr.txt").toFile())
        .start();
  }

  /** Waits until the child is held at its gate; fails at once if it ends first. */
  private static void awaitHold(Path out, Process child) throws Exception {
    Path reached = out.resolve("gate/reached");
    awaitChild(() -> Files.exists(reached), reached.toString(), out, child);
  }

  /** Waits until {@code file}, which the child appends to, contains {@code text}. */
  private static void awaitText(Path file, String text, Process child) throws Exception {
    awaitChild(() -> Files.readString(file).contains(text), "'" + text + "' in " + file, file.getParent(), child);
  }

  private interface Condition {
    boolean holds() throws IOException;
  }

  /**
   * Polls {@code condition} while the child lives. The deadline only keeps a broken child from
   * hanging the build: a held child waits for the test, so nothing here races the child's speed.
   */
  private static void awaitChild(Condition condition, String what, Path out, Process child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(PATIENCE_MINUTES);
    while (!condition.holds()) {
      if (!child.isAlive()) {
        fail("the child ended (exit " + child.exitValue() + ") before " + what + ": "
            + Files.readString(out.resolve("stderr.txt")));
      }
      if (System.nanoTime() > deadline) {
        fail("no " + what + " after " + PATIENCE_MINUTES + " minutes; stderr: " + Files.readString(out.resolve("stderr.txt")));
      }
      Thread.sleep(10);
    }
  }

  private static Map<String, Integer> lastEpochs(Path metrics) throws IOException {
    Map<String, Integer> last = new TreeMap<>();
    List<String> lines = Files.readAllLines(metrics);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      last.merge(f[0] + "/" + f[1], Integer.parseInt(f[3]), Math::max);
    }
    return last;
  }

  private static String status(Path run) throws IOException {
    return new ObjectMapper().readTree(run.resolve("provenance.json").toFile()).path("status").asText();
  }

  private static Path onlyRunFolder(Path out) throws IOException {
    return RunOutputsTest.onlyRunFolder(out, "checkpointed");
  }
}
