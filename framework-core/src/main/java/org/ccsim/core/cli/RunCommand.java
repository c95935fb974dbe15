package org.ccsim.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.build.ScenarioBuilder;
import org.ccsim.core.plugin.PluginHost;
import org.ccsim.core.report.Reporter;
import org.ccsim.core.results.Checkpoint;
import org.ccsim.core.results.Checkpoints;
import org.ccsim.core.results.Divergence;
import org.ccsim.core.results.DatasetDigests;
import org.ccsim.core.results.Provenance;
import org.ccsim.core.results.RunFolder;
import org.ccsim.core.results.RunRecorder;
import org.ccsim.core.run.RunFailedException;
import org.ccsim.core.run.Runner;
import org.ccsim.core.run.UnitId;
import org.ccsim.core.scenario.Problem;
import org.ccsim.core.scenario.Scenario;
import org.ccsim.core.scenario.ScenarioException;
import org.ccsim.core.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ccsim run SCENARIO}: validates and builds the scenario and checks that its training units
 * fit in the heap on the threads asked for (nothing is created on disk if that fails), then runs it
 * into a new results folder and renders the summary and plots.
 * {@code ccsim run --resume RUN_DIR} carries an interrupted run on from its checkpoints, in its own
 * folder, with the scenario it was started with ({@code scenario.resolved.json}). A (rule, replicate)
 * that diverges is recorded in {@code divergences.csv} and reported; it fails the run only with
 * {@code --fail-on-divergence}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run a scenario; results go to OUT/<scenario>/<timestamp>/.",
        "Ctrl-C or SIGTERM stops at the next batch boundary, writes checkpoints and prints the resume command."})
final class RunCommand implements Callable<Integer> {

  private static final String RESOLVED = StoredScenario.RESOLVED;
  private static final String PROVENANCE = StoredScenario.PROVENANCE;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", arity = "0..1", description = "the scenario file")
  Path file;

  @Option(names = "--resume", paramLabel = "RUN_DIR",
      description = "continue the interrupted run in RUN_DIR from its checkpoints (no SCENARIO, --set, --replicates or --out)")
  Path resume;

  @Option(names = "--out", paramLabel = "DIR", description = "root of the results folders (default: runs)")
  Path out;

  @Option(names = "--data", paramLabel = "DIR",
      description = "search DIR first for dataset folders a scenario names relatively, before CCSIM_DATA and "
          + "/usr/share/datasets; may be repeated")
  List<Path> data = new ArrayList<>();

  @Option(names = "--replicates", paramLabel = "N", description = "override the scenario's replicates")
  Integer replicates;

  @Option(names = "--threads", paramLabel = "N",
      description = "worker threads; results do not depend on it (default: number of processors)")
  Integer threads;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "override a scenario value before validation, e.g. rules.bptt.truncation=3")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--prepare",
      description = "make the run folder and stop: processes of `ccsim work RUN_DIR --shard I/N` (on any machines that "
          + "share the folder) then train its units, and `ccsim report RUN_DIR` merges their results")
  boolean prepare;

  @Option(names = "--slurm",
      description = "prepare the run folder (on a file system every node sees) and submit its units to SLURM as a job "
          + "array, with a report job after it; --threads is then each task's threads and CPUs (default 1)")
  boolean slurm;

  @Option(names = "--tasks", paramLabel = "N",
      description = "with --slurm: the array's tasks, each one shard (default: one per unit, at most "
          + SlurmSubmission.DEFAULT_MAX_TASKS + ")")
  Integer tasks;

  @Option(names = "--sbatch", paramLabel = "ARG",
      description = "with --slurm: an argument for both sbatch commands, e.g. --sbatch=--partition=gpu "
          + "--sbatch=--time=4:00:00 --sbatch=--account=lab; may be repeated")
  List<String> sbatchArgs = new ArrayList<>();

  @Option(names = "--fail-on-divergence",
      description = "exit 1 if any (rule, replicate) diverged (NaN, infinity or an exploded loss); results are written all the same")
  boolean failOnDivergence;

  private final Provider<PluginHost> host;
  private final Provider<ScenarioReader> reader;
  private final Provider<ScenarioBuilder> builder;
  private final Reporter reporter;

  @Inject
  RunCommand(Provider<PluginHost> host, Provider<ScenarioReader> reader, Provider<ScenarioBuilder> builder,
      Reporter reporter) {
    this.host = host;
    this.reader = reader;
    this.builder = builder;
    this.reporter = reporter;
  }

  @Override
  public Integer call() throws IOException {
    String misuse = misuse();
    if (misuse != null) {
      System.err.println("ccsim run: " + misuse);
      return Main.BAD_INPUT;
    }
    String unwritable = resume == null ? unwritable(outRoot()) : null;
    if (unwritable != null) {
      System.err.println("ccsim run: --out " + outRoot().toAbsolutePath() + ": " + unwritable);
      return Main.BAD_INPUT;
    }
    int workers = threads != null ? threads : slurm ? 1 : Runtime.getRuntime().availableProcessors();
    List<String> sets = new ArrayList<>(overrides);
    if (replicates != null) {
      sets.add("replicates=" + replicates);
    }
    Path scenarioFile = scenarioFile();
    BuiltScenario built;
    try {
      Scenario scenario = reader.get().withDataFolders(data).read(scenarioFile, sets);
      built = builder.get().build(scenario, scenarioFile.toString());
    } catch (ScenarioException e) {
      System.err.println(e.getMessage());
      return Main.BAD_INPUT;
    }
    Optional<Problem> tooBig = built.memoryProblem(workers);
    if (tooBig.isPresent()) {
      System.err.println(tooBig.get().format(scenarioFile.toString()));
      return Main.BAD_INPUT;
    }
    return resume == null ? start(built, workers) : carryOn(built, workers);
  }

  private Path outRoot() {
    return out == null ? Path.of("runs") : out;
  }

  /**
   * Why no results folder can be made under {@code root}, or {@code null}: found out before anything
   * is built, and without leaving anything behind, by making and removing a folder in the nearest
   * part of {@code root} that exists, as the run will make its folders there.
   */
  private static String unwritable(Path root) {
    Path target = root.toAbsolutePath().normalize();
    Path existing = target;
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (!Files.isDirectory(existing)) {
      return existing.equals(target) ? "is a file, not a folder" : "lies inside the file " + existing;
    }
    String where = existing.equals(target) ? "" : " in " + existing;
    try {
      Files.delete(Files.createTempDirectory(existing, ".ccsim-probe"));
      return null;
    } catch (AccessDeniedException e) {
      return "permission denied" + where;
    } catch (FileSystemException e) {
      return "cannot make a folder" + where + " (" + (e.getReason() == null ? "refused by the file system" : e.getReason())
          + ")";
    } catch (IOException e) {
      return "cannot make a folder" + where + " (" + e.getMessage() + ")";
    }
  }

  private static void printDivergences(List<Divergence> diverged) {
    diverged.forEach(d -> System.err.println("ccsim run: diverged, stopped: " + d.describe()));
  }

  /** What is wrong with the combination of arguments, or {@code null}. */
  private String misuse() {
    if (threads != null && threads < 1) {
      return "--threads must be at least 1 (got " + threads + ")";
    }
    if (!slurm && (tasks != null || !sbatchArgs.isEmpty())) {
      return "--tasks and --sbatch go with --slurm";
    }
    if (tasks != null && tasks < 1) {
      return "--tasks must be at least 1 (got " + tasks + ")";
    }
    if (slurm && (prepare || resume != null)) {
      return "--slurm prepares a new run folder and submits it: it takes a SCENARIO, not --prepare or --resume";
    }
    if (slurm && !SlurmSubmission.sbatchAvailable()) {
      return "--slurm needs sbatch on the PATH (SLURM's client commands); without SLURM, prepare the run with "
          + "--prepare and start ccsim work RUN_DIR --shard I/N yourself";
    }
    if (slurm && SlurmSubmission.launcher() == null) {
      return "--slurm writes job scripts that start the ccsim launcher: run it through ./ccsim";
    }
    if (resume == null) {
      return file == null ? "give a SCENARIO file to run, or --resume RUN_DIR" : null;
    }
    if (prepare) {
      return "--prepare makes a new run folder: it takes a SCENARIO, not --resume (carry a prepared run on with "
          + "ccsim work RUN_DIR --shard I/N)";
    }
    if (file != null || !overrides.isEmpty() || replicates != null || out != null) {
      return "--resume RUN_DIR continues a run exactly as it was started: it takes no SCENARIO, --set, --replicates or --out";
    }
    String notARun = StoredScenario.notARunFolder(resume);
    if (notARun == null && ShardedRun.isSharded(resume)) {
      return resume + " was prepared for shards: carry it on with ccsim work " + quoted(resume.toString())
          + " --shard I/N, then ccsim report";
    }
    return notARun;
  }

  private int start(BuiltScenario built, int workers) throws IOException {
    Scenario scenario = built.scenario();
    Instant start = Instant.now();
    RunFolder folder = RunFolder.create(outRoot(), scenario.name(), start);
    try (Closeable claim = folder.lock()) {
      RunRecorder recorder = new RunRecorder(folder, built);
      recorder.copyDataFiles();
      recorder.writeResolvedScenario();
      recorder.writeEvents();
      if (slurm) {
        recorder.writeProvenance(provenance(built, workers, start, null, ShardedRun.PREPARED));
        return submit(built, folder, workers);
      }
      if (prepare) {
        recorder.writeProvenance(provenance(built, workers, start, null, ShardedRun.PREPARED));
        return ShardedRun.prepared(built, folder);
      }
      recorder.writeProvenance(provenance(built, workers, start, null, "running"));
      System.out.printf("ccsim: running %s: %d rule(s) x %d replicate(s) x %d epoch(s) on %d thread(s) -> %s%n",
          scenario.name(), scenario.rules().size(), scenario.replicates(), scenario.totalEpochs(), workers,
          folder.path());
      return execute(new Session(built, folder, recorder, workers, Map.of(), start, session -> session));
    }
  }

  /** Submits a prepared run's units to SLURM, one shard per array task, and says how to follow them. */
  private int submit(BuiltScenario built, RunFolder folder, int workers) throws IOException {
    ShardedRun.markSharded(folder);
    int units = UnitId.all(built.scenario()).size();
    int count = tasks != null ? tasks : Math.min(units, SlurmSubmission.DEFAULT_MAX_TASKS);
    String dir = quoted(folder.path().toString());
    String command = System.getProperty("ccsim.command", "ccsim");
    try {
      SlurmSubmission.Jobs jobs = new SlurmSubmission(built, folder, count, workers, SlurmSubmission.launcher())
          .submit(sbatchArgs);
      System.out.printf("ccsim: submitted %s: %d unit(s) as SLURM array job %s (%d task(s), task I trains shard I/%d)"
          + " and report job %s (after every task ends) -> %s%n", built.scenario().name(), units, jobs.array(), count,
          count, jobs.report(), folder.path());
      System.out.printf("follow with: %s status %s   (or squeue -j %s,%s)%n", command, dir, jobs.array(), jobs.report());
      return Main.OK;
    } catch (IOException e) {
      System.err.println("ccsim run: " + e.getMessage());
      System.err.println("ccsim run: the run folder is prepared; submit it again with sbatch " + dir
          + "/slurm/array.sbatch, or train it with " + command + " work " + dir + " --shard I/N");
      return Main.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Main.FAILED;
    }
  }

  private int carryOn(BuiltScenario built, int workers) throws IOException {
    Scenario scenario = built.scenario();
    RunFolder folder = RunFolder.existing(resume);
    Closeable claim;
    try {
      claim = folder.lock();
    } catch (IOException e) {
      return cannotResume(e);
    }
    try (claim) {
      Map<String, Checkpoint> resumeFrom;
      ObjectNode original;
      Map<String, Long> earlierSeeds = new TreeMap<>();
      try {
        String changed = StoredScenario.changedData(built, folder.path());
        if (changed != null) {
          System.err.println("ccsim run: cannot resume: " + changed);
          return Main.BAD_INPUT;
        }
        resumeFrom = new Checkpoints(folder, built).loadAll(scenario);
        original = (ObjectNode) new ObjectMapper().readTree(folder.path().resolve(PROVENANCE).toFile());
        new ObjectMapper().readTree(folder.path().resolve(RESOLVED).toFile()).path("derivedSeeds").properties()
            .forEach(seed -> earlierSeeds.put(seed.getKey(), seed.getValue().asLong()));
      } catch (IOException | ClassCastException e) {
        return cannotResume(e);
      }
      long complete = resumeFrom.values().stream().filter(Checkpoint::complete).count();
      if (original.path("status").asText().equals("completed")) {
        System.out.printf("ccsim: %s is complete (%d unit(s)): nothing to resume, nothing changed%n", folder.path(),
            complete);
        List<Divergence> diverged = resumeFrom.values().stream().map(Checkpoint::divergence)
            .filter(java.util.Objects::nonNull).toList();
        printDivergences(diverged);
        return failOnDivergence && !diverged.isEmpty() ? Main.FAILED : Main.OK;
      }
      warnOfChangedVersions(original, host.get().plugins());
      System.out.printf("ccsim: resuming %s: %d of %d unit(s) complete, %d from a checkpoint, on %d thread(s) -> %s%n",
          scenario.name(), complete, (long) scenario.trainedRules().size() * scenario.replicates(),
          resumeFrom.size() - complete, workers, folder.path());
      return execute(new Session(built, folder, new RunRecorder(folder, built, earlierSeeds), workers, resumeFrom,
          Instant.now(),
          session -> Provenance.withResume(original, session)));
    }
  }

  /**
   * Warns of each plugin (and of ccsim) whose version differs from the one the run started with: the
   * resumed units then need not match an uninterrupted run, which the checkpoints cannot tell.
   */
  private static void warnOfChangedVersions(ObjectNode original, List<PluginHost.PluginInfo> plugins) {
    Map<String, String> then = new HashMap<>();
    then.put("ccsim", original.path("ccsimVersion").asText());
    original.path("plugins").forEach(p -> then.put("plugin " + p.path("id").asText(), p.path("version").asText()));
    Map<String, String> now = new HashMap<>();
    now.put("ccsim", Provenance.ccsimVersion());
    plugins.forEach(p -> now.put("plugin " + p.id(), p.version()));
    now.forEach((name, version) -> {
      String was = then.get(name);
      if (was != null && !was.equals(version)) {
        System.err.println("ccsim run: warning: " + name + " is version " + version + ", the run started with " + was
            + "; the resumed units may not match an uninterrupted run");
      }
    });
  }

  private static int cannotResume(Exception e) {
    System.err.println("ccsim run: cannot resume: " + e.getMessage());
    return Main.BAD_INPUT;
  }

  /**
   * One session of a run: a fresh start or a resume.
   *
   * @param resumeFrom the checkpoint each unit starts from
   * @param provenance turns this session's provenance record into the one the folder keeps
   */
  private record Session(BuiltScenario built, RunFolder folder, RunRecorder recorder, int workers,
      Map<String, Checkpoint> resumeFrom, Instant start, UnaryOperator<ObjectNode> provenance) {
  }

  /** Runs the units, keeps the files up to date, and reports how the session ended. */
  private int execute(Session session) throws IOException {
    Scenario scenario = session.built().scenario();
    RunRecorder recorder = session.recorder();
    long epochsLeft = (long) scenario.trainedRules().size() * scenario.replicates() * scenario.totalEpochs()
        - session.resumeFrom().values().stream()
            .mapToLong(c -> c.complete() ? scenario.totalEpochs() : c.epochsDone()).sum();
    String resumeCommand = System.getProperty("ccsim.command", "ccsim") + " run --resume "
        + quoted(session.folder().path().toString());
    AtomicInteger interrupted = new AtomicInteger();
    List<Divergence> diverged = new ArrayList<>();
    String status = "completed";
    try (Interruption interruption = new Interruption(resumeCommand)) {
      try (ConsoleProgress progress = new ConsoleProgress(epochsLeft, System.console() != null, System.out)) {
        Runner runner = new Runner(session.built(), session.workers(), progress,
            new Checkpoints(session.folder(), session.built()), session.resumeFrom(), interruption.stop()::requested);
        runner.run(u -> {
          if (!u.complete()) {
            interrupted.incrementAndGet();
            return;
          }
          if (u.divergence() != null) {
            diverged.add(u.divergence());
            recorder.diverged(u.divergence());
          }
          recorder.unitDone(u.rule(), u.replicate(), u.rows(), u.trajectories());
        });
      } catch (RunFailedException e) {
        status = "failed";
        System.err.println("ccsim run: " + e.getMessage());
      } catch (UncheckedIOException e) {
        status = "failed";
        System.err.println("ccsim run: cannot write the results: " + e.getCause().getMessage());
      }
      if (status.equals("completed") && interrupted.get() > 0) {
        status = "interrupted";
      }
      recorder.merge();
      recorder.writeProvenance(session.provenance().apply(
          provenance(session.built(), session.workers(), session.start(), Instant.now(), status)));
      if (!status.equals("completed")) {
        printOutcome(diverged, session.folder());
        System.out.println("resume with: " + resumeCommand);
        return Main.FAILED;
      }
    }
    // the results are complete on disk: a signal from here on ends the JVM at once, and
    // `ccsim report` writes the report again from them
    System.out.println();
    Reporter.Rendered rendered = reporter.render(session.folder());
    System.out.print(rendered.markdown());
    rendered.warnings().forEach(w -> System.err.println("ccsim run: warning: " + w));
    printOutcome(diverged, session.folder());
    return failOnDivergence && !diverged.isEmpty() ? Main.FAILED : Main.OK;
  }

  private static void printOutcome(List<Divergence> diverged, RunFolder folder) {
    printDivergences(diverged);
    System.out.println("\nresults: " + folder.path());
  }

  /** The dataset folders' digests, computed once per run for every provenance record it writes. */
  private ObjectNode datasets;

  private ObjectNode provenance(BuiltScenario built, int workers, Instant start, Instant end, String status) {
    List<String> command = spec.commandLine().getParseResult().originalArgs();
    if (datasets == null) {
      datasets = DatasetDigests.of(built.scenario().dataFolders());
    }
    return Provenance.toJson(command, scenarioFile(), built.scenario().seed(), workers, host.get().plugins(), datasets,
        start, end, status);
  }

  private Path scenarioFile() {
    return resume == null ? file : resume.resolve(RESOLVED);
  }

  /** {@code path} as a shell word. */
  static String quoted(String path) {
    return path.matches("[A-Za-z0-9_./:@+-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
  }
}
