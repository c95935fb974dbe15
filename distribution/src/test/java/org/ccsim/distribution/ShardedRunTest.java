package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run trained in shards ({@code ccsim run --prepare}, {@code ccsim work RUN_DIR --shard I/N} per
 * shard, {@code ccsim report RUN_DIR}) gives, byte for byte, the results of the same run on one
 * machine; each unit is trained by one process at a time (a live claim is left alone, a dead one is
 * taken over); {@code ccsim status} tells where every unit stands. The killed and terminated shard
 * processes are in {@link InterruptionTest}.
 */
class ShardedRunTest {

  /** Files of a run that must not depend on how its units were spread over processes. */
  private static final List<String> MERGED = List.of("metrics.csv", "trajectories.csv", "summary.csv", "summary.md",
      "scenario.resolved.json", "events.csv");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  private static Path oneMachine;

  @BeforeAll
  static void runOnOneMachine() throws IOException {
    Cli.Result result = Cli.run(args("run", "--out", dir.resolve("one").toString(), "--threads", "2"));
    assertEquals(0, result.exit(), result.err());
    oneMachine = RunOutputsTest.onlyRunFolder(dir.resolve("one"));
  }

  /** {@code quickstart.json}, small: 3 rules x 3 replicates x 12 epochs, with the given arguments first. */
  private static String[] args(String... first) {
    List<String> all = new ArrayList<>(List.of(first));
    all.add(1, Cli.scenarios().resolve("quickstart.json").toString());
    all.addAll(List.of("--replicates", "3", "--set", "training.epochs=12", "--set", "record.every=3"));
    return all.toArray(String[]::new);
  }

  private static Path prepare(String name) throws IOException {
    Cli.Result prepared = Cli.run(args("run", "--prepare", "--out", dir.resolve(name).toString()));
    assertEquals(0, prepared.exit(), prepared.err());
    Path run = RunOutputsTest.onlyRunFolder(dir.resolve(name));
    assertTrue(prepared.out().contains("ccsim work " + run + " --shard I/N"), prepared.out());
    assertFalse(Files.exists(run.resolve("metrics.csv")), "a prepared run has trained nothing");
    return run;
  }

  private static Cli.Result work(Path run, String shard) {
    return Cli.run("work", run.toString(), "--shard", shard, "--threads", "1");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4, 12})
  void shardsTrainedApartMergeToTheOneMachineRunByteForByte(int shards) throws IOException {
    Path run = prepare("shards-" + shards);
    Set<String> trained = new TreeSet<>();
    for (int i = 1; i <= shards; i++) {
      Cli.Result worked = work(run, i + "/" + shards);
      assertEquals(0, worked.exit(), worked.out() + worked.err());
      JsonNode record = JSON.readTree(run.resolve("shards/shard-" + i + "-of-" + shards + ".json").toFile());
      assertEquals("completed", record.path("status").asText());
      record.path("units").forEach(unit -> assertTrue(trained.add(unit.asText()), "in two shards: " + unit));
    }
    assertEquals(9, trained.size(), "every unit in exactly one shard: " + trained);

    Cli.Result report = Cli.run("report", run.toString());

    assertEquals(0, report.exit(), report.err());
    for (String file : MERGED) {
      assertArrayEquals(Files.readAllBytes(oneMachine.resolve(file)), Files.readAllBytes(run.resolve(file)), file);
    }
    JsonNode provenance = JSON.readTree(run.resolve("provenance.json").toFile());
    assertEquals("completed", provenance.path("status").asText());
    assertEquals(shards, provenance.path("shards").size());
  }

  @Test
  void aRerunShardSkipsItsFinishedUnitsAndAWorkedRunCannotBeResumedAsAnOrdinaryOne() throws IOException {
    Path run = prepare("rerun");
    assertEquals(0, work(run, "1/2").exit());
    Cli.Result again = work(run, "1/2");
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().matches("(?s).*: (\\d+) unit\\(s\\): \\1 finished before, 0 to train.*"), again.out());
    Cli.Result resumed = Cli.run("run", "--resume", run.toString());
    assertEquals(2, resumed.exit(), "one process for all units would ignore the shards' claims");
    assertTrue(resumed.err().contains("was prepared for shards: carry it on with ccsim work"), resumed.err());
  }

  @Test
  void aUnitALiveProcessHoldsIsLeftToItAndADeadProcesssClaimIsTakenOver() throws IOException {
    Path run = prepare("claims");
    String host = InetAddress.getLocalHost().getHostName();
    ProcessHandle me = ProcessHandle.current();
    String started = me.info().startInstant().map(Instant::toString).orElse("");
    Path claim = Files.createDirectories(run.resolve("units/bptt/replicate-1")).resolve("claim");
    Files.writeString(claim, "host=" + host + "\npid=" + me.pid() + "\nstarted=" + started + "\njob=77_0\n");

    Cli.Result status = Cli.run("status", run.toString());
    assertEquals(0, status.exit(), status.err());
    assertTrue(status.out().contains("9 unit(s): 1 running, 8 not started"), status.out());
    assertTrue(status.out().matches("(?s).*bptt replicate 1 +running +host " + host + ", pid " + me.pid()
        + ", job 77_0\n.*"), status.out());

    Cli.Result held = work(run, "1/1");
    assertEquals(1, held.exit(), "the shard is not done while another process holds a unit: " + held.out());
    assertTrue(held.out().contains("ccsim: left to its holder: bptt replicate 1 (host " + host), held.out());
    assertTrue(held.out().contains("carry it on with: ccsim work " + run + " --shard 1/1"), held.out());

    Files.writeString(claim, "host=" + host + "\npid=" + deadPid() + "\nstarted=2020-01-01T00:00:00Z\njob=\n");
    Cli.Result takenOver = work(run, "1/1");
    assertEquals(0, takenOver.exit(), takenOver.out() + takenOver.err());
    assertFalse(Files.exists(claim), "released once the unit finished");
    Cli.Result done = Cli.run("status", run.toString());
    assertTrue(done.out().contains("9 unit(s): 9 finished"), done.out());
    assertEquals(0, Cli.run("report", run.toString()).exit());
    assertArrayEquals(Files.readAllBytes(oneMachine.resolve("metrics.csv")), Files.readAllBytes(run.resolve("metrics.csv")));
  }

  @Test
  void aReportOfUnfinishedShardsSaysSoAndCoversTheFinishedUnits() throws IOException {
    Path run = prepare("partial");
    assertEquals(0, work(run, "2/3").exit());
    Cli.Result report = Cli.run("report", run.toString());
    assertEquals(0, report.exit(), report.err());
    assertTrue(report.err().contains("not every unit has finished"), report.err());
    assertEquals("incomplete", JSON.readTree(run.resolve("provenance.json").toFile()).path("status").asText());
  }

  @Test
  void badShardsAndFoldersAreRefusedWithExitTwo() throws IOException {
    Path run = prepare("bad");
    for (String shard : List.of("0/3", "4/3", "3", "a/b", "-1/2")) {
      Cli.Result refused = work(run, shard);
      assertEquals(2, refused.exit(), shard);
      assertTrue(refused.err().contains("--shard must be I/N with 1 <= I <= N (got " + shard + ")"), refused.err());
    }
    Cli.Result ordinary = Cli.run("work", oneMachine.toString(), "--shard", "1/2");
    assertEquals(2, ordinary.exit());
    assertTrue(ordinary.err().contains("was not prepared for shards"), ordinary.err());
    Cli.Result notARun = Cli.run("status", dir.toString());
    assertEquals(2, notARun.exit());
    assertTrue(notARun.err().contains("is not a ccsim run folder"), notARun.err());
    Cli.Result both = Cli.run("run", "--resume", run.toString(), "--prepare");
    assertEquals(2, both.exit());
    assertTrue(both.err().contains("--prepare makes a new run folder"), both.err());
  }

  @Test
  void aDamagedCheckpointIsRefusedWithExitTwoAndNothingIsTrained() throws IOException {
    Path run = prepare("damaged");
    Path checkpoint = Files.createDirectories(run.resolve("checkpoints/tbptt-1")).resolve("replicate-2.zip");
    Files.writeString(checkpoint, "not a checkpoint");
    Cli.Result refused = work(run, "1/1");
    assertEquals(2, refused.exit(), refused.out());
    assertTrue(refused.err().contains("cannot carry tbptt-1 replicate 2 on: "), refused.err());
    Cli.Result status = Cli.run("status", run.toString());
    assertEquals(0, status.exit(), status.err());
    assertTrue(status.out().contains("9 unit(s): 8 not started, 1 damaged"), status.out());
    assertTrue(status.out().matches("(?s).*tbptt-1 replicate 2 +damaged +its checkpoint cannot be read: .*"),
        status.out());
    assertFalse(Files.exists(run.resolve("units")), "nothing trained");
  }

  /** The id of a process that has ended. */
  private static long deadPid() throws IOException {
    try {
      Process done = new ProcessBuilder("true").start();
      done.waitFor();
      return done.pid();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
