package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals to a real {@code ccsim run} in a child JVM: after SIGKILL the run resumes from its last
 * checkpoints, after SIGTERM it stops cleanly, keeps its completed replicates and prints the resume
 * command; either way the resumed run's {@code metrics.csv} is byte for byte that of a run never
 * interrupted.
 */
class InterruptionTest {

  private static final Path SCENARIO = Path.of("src/test/resources/checkpointed.json").toAbsolutePath();
  private static final int EPOCHS = 8;
  private static final Pattern RESUME = Pattern.compile("resume with: ccsim run --resume (\\S+)");

  @TempDir
  static Path dir;

  private static String uninterrupted;

  @BeforeAll
  static void runOnceWithoutInterruption() throws IOException {
    Path out = dir.resolve("straight");
    Cli.Result result = Cli.run("run", SCENARIO.toString(), "--out", out.toString(), "--threads", "2");
    assertEquals(0, result.exit(), result.err());
    uninterrupted = Files.readString(onlyRunFolder(out).resolve("metrics.csv"));
  }

  @Test
  void aRunKilledWithSigkillResumesFromItsCheckpointsToTheSameMetrics() throws Exception {
    Path out = dir.resolve("killed");
    Process child = start(out, "2");
    try {
      awaitFile(out, "glob:**/checkpoints/*/*.zip", child);
      Cli.Result whileRunning = Cli.run("run", "--resume", onlyRunFolder(out).toString());
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      assertEquals(2, whileRunning.exit(), "a run still going cannot be resumed: " + whileRunning.out());
      assertTrue(whileRunning.err().contains("is in use by another ccsim process"), whileRunning.err());
    } finally {
      child.destroyForcibly();
    }
    Path run = onlyRunFolder(out);
    assertEquals("running", status(run), "killed mid-run");

    Cli.Result resumed = Cli.run("run", "--resume", run.toString(), "--threads", "2");

    assertEquals(0, resumed.exit(), resumed.err());
    assertEquals(uninterrupted, Files.readString(run.resolve("metrics.csv")));
    assertEquals("completed", status(run));
  }

  @Test
  void sigtermKeepsCompletedReplicatesAndPrintsTheResumeCommand() throws Exception {
    Path out = dir.resolve("terminated");
    Process child = start(out, "1");
    int exit;
    try {
      awaitFile(out, "glob:**/metrics.csv", child);
      child.destroy();
      assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child stops within 2 minutes of SIGTERM");
      exit = child.exitValue();
    } finally {
      child.destroyForcibly();
    }
    Path run = onlyRunFolder(out);
    String stdout = Files.readString(out.resolve("stdout.txt"));
    assertEquals(143, exit, "killed by SIGTERM after a clean stop:\n" + stdout);
    Matcher resume = RESUME.matcher(stdout);
    assertTrue(resume.find(), "prints the resume command:\n" + stdout);
    assertEquals(run.toAbsolutePath().toString(), resume.group(1));
    assertEquals("interrupted", status(run));

    Map<String, Integer> lastEpoch = lastEpochs(run.resolve("metrics.csv"));
    assertTrue(!lastEpoch.isEmpty() && lastEpoch.size() < 8, "some units complete, not all: " + lastEpoch);
    lastEpoch.forEach((unit, epoch) -> assertEquals(EPOCHS, epoch, unit + " has every epoch"));

    Cli.Result resumed = Cli.run("run", "--resume", resume.group(1));

    assertEquals(0, resumed.exit(), resumed.err());
    assertEquals(uninterrupted, Files.readString(run.resolve("metrics.csv")));
  }

  private static Process start(Path out, String threads) throws IOException {
    Files.createDirectories(out);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path dist = Cli.dist().toAbsolutePath();
    return new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true",
        "-Dccsim.command=ccsim", "-Dccsim.plugins=" + dist.resolve("plugins"), "-cp", dist.resolve("lib") + "/*",
        "org.ccsim.core.cli.Main", "run", SCENARIO.toString(), "--out", out.toAbsolutePath().toString(),
        "--threads", threads)
        .redirectOutput(out.resolve("stdout.txt").toFile())
        .redirectError(out.resolve("stderr.txt").toFile())
        .start();
  }

  /** Waits until a file matching {@code glob} appears under {@code root} while the child still runs. */
  private static void awaitFile(Path root, String glob, Process child) throws Exception {
    var matcher = root.getFileSystem().getPathMatcher(glob);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      try (Stream<Path> files = Files.walk(root)) {
        if (files.anyMatch(matcher::matches)) {
          return;
        }
      }
      if (!child.isAlive()) {
        fail("the child ended (exit " + child.exitValue() + ") before " + glob + " appeared: "
            + Files.readString(root.resolve("stderr.txt")));
      }
      Thread.sleep(10);
    }
    fail("no " + glob + " within 2 minutes");
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
    try (Stream<Path> runs = Files.list(out.resolve("checkpointed"))) {
      List<Path> folders = runs.toList();
      assertEquals(1, folders.size(), "one run folder: " + folders);
      return folders.get(0);
    }
  }
}
