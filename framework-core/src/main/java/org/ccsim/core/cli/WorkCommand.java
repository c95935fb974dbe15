package org.ccsim.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.build.ScenarioBuilder;
import org.ccsim.core.results.Checkpoint;
import org.ccsim.core.results.Checkpoints;
import org.ccsim.core.results.RunFolder;
import org.ccsim.core.results.RunRecorder;
import org.ccsim.core.results.UnitClaims;
import org.ccsim.core.run.RunFailedException;
import org.ccsim.core.run.Runner;
import org.ccsim.core.run.Shards;
import org.ccsim.core.run.UnitAdmission;
import org.ccsim.core.run.UnitId;
import org.ccsim.core.scenario.Problem;
import org.ccsim.core.scenario.ScenarioException;
import org.ccsim.core.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ccsim work RUN_DIR --shard I/N}: trains the units of shard I of N ({@link Shards}) of a run
 * folder made by {@code ccsim run --prepare}: what each task of a job array runs, or any other process
 * started with its number. Each unit is claimed first ({@link UnitClaims}), so a unit another live
 * process holds is left to it; a unit with a checkpoint carries on from it; a finished unit is skipped,
 * so running a shard again completes it. SIGTERM stops at the next batch boundary and writes
 * checkpoints, as for {@code ccsim run}. The shard's record goes to {@code shards/}; {@code ccsim report
 * RUN_DIR} merges the units' files once every shard is done.
 */
@Command(name = "work", mixinStandardHelpOptions = true,
    description = {"Train the units of one shard of a prepared run folder (ccsim run SCENARIO --prepare).",
        "Run once per shard, I = 1..N, on machines that share the folder; then merge with ccsim report RUN_DIR.",
        "SIGTERM stops at the next batch boundary and writes checkpoints; running the shard again carries on."})
final class WorkCommand implements Callable<Integer> {

  private static final Pattern SHARD = Pattern.compile("(\\d+)/(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(paramLabel = "RUN_DIR", description = "a prepared run folder")
  Path runDir;

  @Option(names = "--shard", paramLabel = "I/N", required = true,
      description = "which shard to train: I of N, 1 <= I <= N (in a SLURM array: $((SLURM_ARRAY_TASK_ID + 1))/N)")
  String shard;

  @Option(names = "--threads", paramLabel = "N",
      description = "worker threads; results do not depend on it (default: number of processors)")
  Integer threads;

  @Option(names = "--data", paramLabel = "DIR",
      description = "search DIR first for dataset folders the scenario names relatively; may be repeated")
  List<Path> data = new ArrayList<>();

  private final Provider<ScenarioReader> reader;
  private final Provider<ScenarioBuilder> builder;

  @Inject
  WorkCommand(Provider<ScenarioReader> reader, Provider<ScenarioBuilder> builder) {
    this.reader = reader;
    this.builder = builder;
  }

  @Override
  public Integer call() throws IOException {
    Matcher spec = SHARD.matcher(shard);
    int index = spec.matches() ? Integer.parseInt(spec.group(1)) : 0;
    int count = spec.matches() ? Integer.parseInt(spec.group(2)) : 0;
    String misuse = !spec.matches() || index < 1 || index > count
        ? "--shard must be I/N with 1 <= I <= N (got " + shard + ")"
        : threads != null && threads < 1 ? "--threads must be at least 1 (got " + threads + ")"
        : StoredScenario.notARunFolder(runDir);
    if (misuse == null && !ShardedRun.isSharded(runDir)) {
      misuse = runDir + " was not prepared for shards (make one with ccsim run SCENARIO --prepare; carry an ordinary "
          + "run on with ccsim run --resume)";
    }
    if (misuse != null) {
      System.err.println("ccsim work: " + misuse);
      return Main.BAD_INPUT;
    }
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    BuiltScenario built;
    try {
      built = StoredScenario.build(reader.get(), builder.get(), runDir, data);
    } catch (ScenarioException e) {
      System.err.println(e.getMessage());
      return Main.BAD_INPUT;
    }
    Optional<Problem> tooBig = built.memoryProblem(workers);
    if (tooBig.isPresent()) {
      System.err.println(tooBig.get().format(runDir.resolve(StoredScenario.RESOLVED).toString()));
      return Main.BAD_INPUT;
    }
    String changed = StoredScenario.changedData(built, runDir);
    if (changed != null) {
      System.err.println("ccsim work: " + changed);
      return Main.BAD_INPUT;
    }
    List<UnitId> units = Shards.deal(UnitId.all(built.scenario()), u -> built.unitBytes(u.rule()), count).shard(index);
    return work(built, RunFolder.existing(runDir), index, count, units, workers);
  }

  private int work(BuiltScenario built, RunFolder folder, int index, int count, List<UnitId> units, int workers)
      throws IOException {
    Instant start = Instant.now();
    String name = "shard " + index + "/" + count;
    List<UnitId> open = new ArrayList<>();
    long epochsLeft = 0;
    int withCheckpoint = 0;
    for (UnitId unit : units) {
      if (!RunRecorder.finished(folder, unit.rule(), unit.replicate())) {
        open.add(unit);
        Optional<Checkpoint> checkpoint;
        try {
          checkpoint = Checkpoints.read(folder, unit.rule(), unit.replicate());
        } catch (IOException e) {
          System.err.println("ccsim work: cannot carry " + unit + " on: " + e.getMessage());
          return Main.BAD_INPUT;
        }
        withCheckpoint += checkpoint.isPresent() ? 1 : 0;
        epochsLeft += built.scenario().totalEpochs() - checkpoint.map(Checkpoint::epochsDone).orElse(0);
      }
    }
    System.out.printf("ccsim: %s of %s: %d unit(s): %d finished before, %d to train (%d with a checkpoint) on %d"
        + " thread(s) -> %s%n", name, built.scenario().name(), units.size(), units.size() - open.size(), open.size(),
        withCheckpoint, workers, folder.path());
    // closed in reverse order: the claims are released and the shard's record written before the
    // interruption hook is let go, as after a signal the JVM ends soon after
    try (Interruption interruption = new Interruption(command(folder, index, count));
        UnitClaims claims = new UnitClaims(folder);
        ConsoleProgress progress = new ConsoleProgress(epochsLeft, System.console() != null, System.out)) {
      Checkpoints checkpoints = new Checkpoints(folder, built);
      UnitAdmission admission = unit -> {
        if (!claims.claim(unit.rule(), unit.replicate())) {
          System.out.println("ccsim: left to its holder: " + unit + " (" + UnitClaims.holder(folder, unit.rule(),
              unit.replicate()).map(UnitClaims.Holder::describe).orElse("released just now") + ")");
          return UnitAdmission.LEFT;
        }
        if (RunRecorder.finished(folder, unit.rule(), unit.replicate())) {
          claims.release(unit.rule(), unit.replicate()); // finished by another process since this one started
          return UnitAdmission.LEFT;
        }
        return UnitAdmission.Start.from(checkpoints.load(unit.rule(), unit.replicate()).orElse(null));
      };
      RunRecorder recorder = new RunRecorder(folder, built);
      boolean ran = train(new Runner(built, workers, progress, checkpoints, admission,
          interruption.stop()::requested), open, recorder, claims);
      String status = !ran ? "failed"
          : units.stream().allMatch(u -> RunRecorder.finished(folder, u.rule(), u.replicate())) ? "completed"
          : interruption.stop().requested() ? "interrupted"
          : "incomplete";
      ShardedRun.writeShard(folder, index, count, record(built, folder, claims.self(), index, count, units, start,
          status));
    }
    if (units.stream().allMatch(u -> RunRecorder.finished(folder, u.rule(), u.replicate()))) {
      System.out.println("ccsim: " + name + " is done; when every shard is, merge with: "
          + System.getProperty("ccsim.command", "ccsim") + " report " + RunCommand.quoted(folder.path().toString()));
      return Main.OK;
    }
    System.out.println("ccsim: " + name + " is not done; carry it on with: " + command(folder, index, count));
    return Main.FAILED;
  }

  /**
   * Trains the units {@code runner} admits, writing each unit's files as it finishes and then releasing
   * its claim; false if a unit failed or its files could not be written.
   */
  private static boolean train(Runner runner, List<UnitId> units, RunRecorder recorder, UnitClaims claims) {
    try {
      runner.run(units, u -> {
        if (!u.complete()) {
          return; // stopped, or left to another process: its claim, if this process took it, goes at close
        }
        if (u.divergence() != null) {
          recorder.diverged(u.divergence());
        }
        recorder.unitDone(u.rule(), u.replicate(), u.rows(), u.trajectories());
        try {
          claims.release(u.rule(), u.replicate());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (RunFailedException e) {
      System.err.println("ccsim work: " + e.getMessage());
      return false;
    } catch (UncheckedIOException e) {
      System.err.println("ccsim work: cannot write the results: " + e.getCause().getMessage());
      return false;
    }
    return true;
  }

  private static String command(RunFolder folder, int index, int count) {
    return System.getProperty("ccsim.command", "ccsim") + " work " + RunCommand.quoted(folder.path().toString())
        + " --shard " + index + "/" + count;
  }

  /**
   * The shard's record: who ran it, when, how it ended, and every seed derived for its units (with those
   * of its earlier sessions, whose units are not built again).
   */
  private static ObjectNode record(BuiltScenario built, RunFolder folder, UnitClaims.Holder self, int index,
      int count, List<UnitId> units, Instant start, String status) throws IOException {
    Map<String, Long> seeds = new TreeMap<>();
    Path earlier = folder.path().resolve(ShardedRun.shardRecord(index, count));
    if (Files.exists(earlier)) {
      JSON.readTree(earlier.toFile()).path("derivedSeeds").properties()
          .forEach(seed -> seeds.put(seed.getKey(), seed.getValue().asLong()));
    }
    seeds.putAll(built.seeds().issuedSeeds());
    ObjectNode record = JSON.createObjectNode();
    record.put("shard", index + "/" + count);
    record.put("host", self.host());
    record.put("pid", self.pid());
    record.put("job", self.job());
    record.put("started", start.toString());
    record.put("ended", Instant.now().toString());
    record.put("status", status);
    units.forEach(u -> record.withArray("units").add(u.key()));
    ObjectNode derived = record.putObject("derivedSeeds");
    seeds.forEach(derived::put);
    return record;
  }
}
