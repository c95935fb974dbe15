package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ccsim run --slurm} against a real SLURM (the single-node cluster {@code .ci/slurm start} sets up,
 * which {@code .ci/run} starts, so CI never skips this): the units run as an array of 3 tasks and a
 * report job merges them into the {@code metrics.csv} a one-machine run writes, byte for byte; a task
 * cancelled mid-run with SIGTERM writes its checkpoints, requeues itself and carries its shard on to the
 * same results; a task killed with SIGKILL leaves a checkpoint, and {@code ccsim work} of its shard run
 * by hand completes it, again to the same results. The two signalled tasks are held at a known point by
 * the test plugin {@code test-hold} (as in {@link InterruptionTest}), so nothing depends on speed.
 */
class SlurmArrayTest {

  private static final Pattern SUBMITTED = Pattern.compile("array job (\\d+) \\(3 task\\(s\\).* report job (\\d+)");
  private static final long PATIENCE_MINUTES = 5;

  /** A run submitted to SLURM: its folder, its array job and its report job. */
  private record Submission(Path run, String array, String report) {

    String task(int index) {
      return array + "_" + index;
    }
  }

  @TempDir
  static Path dir;

  private static Path plugins;
  private static Path held;
  private static String heldMetrics;

  @BeforeAll
  static void needsSlurm() throws IOException {
    boolean present = onPath("sbatch");
    if (!present) {
      System.err.println("\n*** SlurmArrayTest SKIPPED: no sbatch on PATH. Start a single-node SLURM with"
          + " `.ci/slurm start` (as .ci/run does) to run it. ***\n");
    }
    Assumptions.assumeTrue(present, "no sbatch on PATH: start SLURM with .ci/slurm start");
    Cli.launcher();
    System.setProperty("ccsim.home", Cli.scenarios().resolve("..").toAbsolutePath().normalize().toString());
    HeldScenario scenario = HeldScenario.under(dir);
    plugins = scenario.plugins();
    held = scenario.scenario();
    heldMetrics = scenario.uninterrupted();
  }

  @AfterAll
  static void forgetTheHome() {
    System.clearProperty("ccsim.home");
  }

  @Test
  void theQuickstartAsAThreeTaskArrayMergesToTheOneMachineRun() throws Exception {
    Path quickstart = Cli.scenarios().resolve("quickstart.json");
    Cli.Result one = Cli.run("run", quickstart.toString(), "--out", dir.resolve("one").toString());
    assertEquals(0, one.exit(), one.err());
    Path oneMachine = RunOutputsTest.onlyRunFolder(dir.resolve("one"));

    Cli.Result submitted = Cli.run("run", quickstart.toString(), "--slurm", "--tasks", "3", "--out",
        dir.resolve("array").toString());

    Submission jobs = submission(submitted, dir.resolve("array"), "quickstart");
    Path run = jobs.run();
    awaitGone(jobs);
    for (String file : List.of("metrics.csv", "trajectories.csv", "summary.csv")) {
      assertArrayEquals(Files.readAllBytes(oneMachine.resolve(file)), Files.readAllBytes(run.resolve(file)), file);
    }
    assertEquals("completed", status(run));
    assertEquals(3, new ObjectMapper().readTree(run.resolve("provenance.json").toFile()).path("shards").size());
  }

  @Test
  void aTaskCancelledWithSigtermRequeuesAndCarriesItsShardOn() throws Exception {
    Path gate = gates("term");
    Submission jobs = submitHeld("term", gate);
    Path run = jobs.run();
    String task = jobs.task(2);
    awaitFile(gate.resolve("2/reached"), run);
    slurm("scancel", "--batch", "--signal=TERM", task);
    awaitText(run.resolve("slurm/array-" + task + ".out"), "ccsim: interrupted", run);
    Files.createFile(gate.resolve("2/open"));
    await(() -> slurm("scontrol", "show", "job", task).contains("Restarts=1"), task + " requeued", run);
    // SLURM starts a requeued job only once the old job's credential has expired (cred_expire, 120 s by
    // default): forcing an earlier start makes it kill the job as "non-startable", so the test waits
    awaitGone(jobs);

    String log = Files.readString(run.resolve("slurm/array-" + task + ".out"));
    assertTrue(log.contains("(1 with a checkpoint)"), "the requeued task carried on from its checkpoint:\n" + log);
    assertEquals(heldMetrics, Files.readString(run.resolve("metrics.csv")));
    assertEquals("completed", status(run));
  }

  @Test
  void aTaskKilledWithSigkillIsCompletedByRunningItsShardAgain() throws Exception {
    Path gate = gates("kill");
    Submission jobs = submitHeld("kill", gate);
    Path run = jobs.run();
    awaitFile(gate.resolve("2/reached"), run);
    slurm("scancel", "--full", "--signal=KILL", jobs.task(2)); // every process of the task, the batch shell too
    awaitGone(jobs);
    assertEquals("incomplete", status(run), "the report job merged what the other tasks finished");

    Cli.Result rerun = run("work", run.toString(), "--shard", "2/3", "--threads", "2");
    assertEquals(0, rerun.exit(), rerun.out() + rerun.err());
    assertTrue(rerun.out().contains("(1 with a checkpoint)"), rerun.out());
    Cli.Result report = run("report", run.toString());

    assertEquals(0, report.exit(), report.err());
    assertEquals(heldMetrics, Files.readString(run.resolve("metrics.csv")));
    assertEquals("completed", status(run));
  }

  private static Submission submission(Cli.Result submitted, Path out, String scenario) throws IOException {
    assertEquals(0, submitted.exit(), submitted.out() + submitted.err());
    Matcher matcher = SUBMITTED.matcher(submitted.out());
    assertTrue(matcher.find(), submitted.out());
    return new Submission(RunOutputsTest.onlyRunFolder(out, scenario), matcher.group(1), matcher.group(2));
  }

  /** Gates for tasks 1 to 3 under a new folder, open for tasks 1 and 3: only task 2 is held. */
  private static Path gates(String name) throws IOException {
    Path gate = dir.resolve("gates-" + name);
    for (String open : List.of("1", "3")) {
      Files.createFile(Files.createDirectories(gate.resolve(open)).resolve("open"));
    }
    Files.createDirectories(gate.resolve("2"));
    return gate;
  }

  /** Submits the held scenario as a 3-task array whose tasks load the hold plugin and see {@code gate}. */
  private static Submission submitHeld(String name, Path gate) throws IOException {
    Cli.Result submitted = run("run", held.toString(), "--slurm", "--tasks", "3", "--out", dir.resolve(name).toString(),
        "--sbatch=--export=ALL,CCSIM_PLUGINS=" + plugins.toAbsolutePath() + ",CCSIM_JAVA_OPTS=-Dccsim.test.gate="
            + gate.toAbsolutePath());
    return submission(submitted, dir.resolve(name), "checkpointed");
  }

  private static Cli.Result run(String... args) {
    return Cli.runWithPlugins(List.of(plugins), args);
  }

  private static String status(Path run) throws IOException {
    return new ObjectMapper().readTree(run.resolve("provenance.json").toFile()).path("status").asText();
  }

  private static String slurm(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(1, TimeUnit.MINUTES), String.join(" ", command) + " hangs");
    assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
    return output;
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  /** Polls {@code condition}; the deadline only keeps a broken cluster from hanging the build. */
  private static void await(Condition condition, String what, Path run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(PATIENCE_MINUTES);
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        fail("no " + what + " after " + PATIENCE_MINUTES + " minutes; squeue:\n" + slurm("squeue") + logs(run));
      }
      Thread.sleep(200);
    }
  }

  private static void awaitFile(Path file, Path run) throws Exception {
    await(() -> Files.exists(file), file.toString(), run);
  }

  private static void awaitText(Path file, String text, Path run) throws Exception {
    await(() -> Files.exists(file) && Files.readString(file).contains(text), "'" + text + "' in " + file, run);
  }

  /** Waits until neither of the submission's jobs is pending or running (a job SLURM has forgotten is gone too). */
  private static void awaitGone(Submission jobs) throws Exception {
    await(() -> {
      Process process = new ProcessBuilder("squeue", "-h", "-j", jobs.array() + "," + jobs.report(), "-o", "%i")
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor() == 0 ? output.isBlank() : output.contains("Invalid job id");
    }, "end of jobs " + jobs.array() + " and " + jobs.report(), jobs.run());
  }

  private static String logs(Path run) throws IOException {
    StringBuilder text = new StringBuilder();
    Path slurm = run.resolve("slurm");
    if (Files.isDirectory(slurm)) {
      try (var files = Files.list(slurm)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".out")).sorted().toList()) {
          text.append("\n--- ").append(file.getFileName()).append(":\n").append(Files.readString(file));
        }
      }
    }
    return text.toString();
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    List<String> dirs = path == null ? List.of() : new ArrayList<>(List.of(path.split(":")));
    return dirs.stream().anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }
}
