package org.ccsim.core.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.results.RunFolder;

/**
 * {@code ccsim run SCENARIO --slurm}: hands a prepared run's units ({@link ShardedRun}) to SLURM as a
 * job array, task I running {@code ccsim work RUN_DIR --shard I/N}, and a report job that waits for
 * every task to end ({@code afterany}) and merges them with {@code ccsim report RUN_DIR}. The scripts,
 * {@code slurm/array.sbatch} and {@code slurm/report.sbatch}, stay in the run folder, so a run can be
 * submitted again by hand. Each task gets the heap its shard needs by the components' memory
 * declarations, with room for the JVM ({@code --mem}); it is requeued when SIGTERM stops it
 * (preemption, {@code scancel --signal=TERM}, the time limit's warning from {@code --signal}), and
 * carries its units on from their checkpoints.
 */
final class SlurmSubmission {

  /** The most tasks an array gets when {@code --tasks} is not given: one per unit up to this. */
  static final int DEFAULT_MAX_TASKS = 100;
  /** Seconds before its time limit at which a task is sent SIGTERM, to write its checkpoints. */
  static final int WARNING_SECONDS = 120;
  private static final double MB = 1 << 20;

  /** The submitted jobs' ids. */
  record Jobs(String array, String report) {
  }

  private final RunFolder folder;
  private final String scenario;
  private final int tasks;
  private final int threads;
  private final long heapMegabytes;
  private final Path launcher;

  /**
   * @param tasks the array's tasks (shards)
   * @param threads each task's worker threads, and its CPUs
   */
  SlurmSubmission(BuiltScenario built, RunFolder folder, int tasks, int threads, Path launcher) {
    this.folder = folder;
    this.scenario = built.scenario().name();
    this.tasks = tasks;
    this.threads = threads;
    this.heapMegabytes = heapMegabytes(built.bytesAtOnce(threads));
    this.launcher = launcher;
  }

  /** The heap of a task: its units' declared memory and a quarter more, and at least 512 MB for the JVM's own use. */
  static long heapMegabytes(double declaredBytes) {
    return Math.max(512, (long) Math.ceil(declaredBytes * 1.25 / MB) + 256);
  }

  /** The launcher the scripts run: {@code ccsim} in the installation this process runs from, if known. */
  static Path launcher() {
    String home = System.getProperty("ccsim.home");
    return home == null ? null : Path.of(home, "ccsim").toAbsolutePath();
  }

  /** Whether {@code sbatch} is on the PATH. */
  static boolean sbatchAvailable() {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(java.io.File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "sbatch")));
  }

  /** Writes the two scripts and submits them with {@code extra} on both sbatch command lines. */
  Jobs submit(List<String> extra) throws IOException, InterruptedException {
    Path array = folder.path().resolve("slurm/array.sbatch");
    Path report = folder.path().resolve("slurm/report.sbatch");
    folder.write("slurm/array.sbatch", arrayScript());
    folder.write("slurm/report.sbatch", reportScript());
    String arrayJob = sbatch(extra, List.of(), array);
    String reportJob = sbatch(extra, List.of("--dependency=afterany:" + arrayJob), report);
    return new Jobs(arrayJob, reportJob);
  }

  private String arrayScript() {
    String run = RunCommand.quoted(folder.path().toAbsolutePath().toString());
    return """
        #!/usr/bin/env bash
        # ccsim: the units of this run folder as a job array of %1$d task(s); task I trains shard I/%1$d.
        #SBATCH --job-name=ccsim-%2$s
        #SBATCH --array=1-%1$d
        #SBATCH --cpus-per-task=%3$d
        #SBATCH --mem=%4$dM
        #SBATCH --requeue
        #SBATCH --open-mode=append
        #SBATCH --signal=B:TERM@%5$d
        #SBATCH --output=%9$s/slurm/array-%%A_%%a.out
        export CCSIM_JAVA_OPTS="-Xmx%7$dm ${CCSIM_JAVA_OPTS:-}"
        %8$s work %6$s --shard "${SLURM_ARRAY_TASK_ID}/%1$d" --threads %3$d &
        work=$!
        trap 'kill -TERM "$work" 2>/dev/null' TERM
        status=0
        while :; do
          wait "$work" || status=$?
          kill -0 "$work" 2>/dev/null || break
        done
        # stopped by SIGTERM (preemption, scancel --signal=TERM, the time limit's warning): its checkpoints
        # are written, and back in the queue the task carries its shard on from them
        if [[ "$status" -eq 143 || "$status" -eq 130 ]]; then
          scontrol requeue "${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}"
        fi
        exit "$status"
        """.formatted(tasks, scenario, threads, memMegabytes(), WARNING_SECONDS, run, heapMegabytes,
        RunCommand.quoted(launcher.toString()), folder.path().toAbsolutePath());
  }

  private String reportScript() {
    String run = RunCommand.quoted(folder.path().toAbsolutePath().toString());
    return """
        #!/usr/bin/env bash
        # ccsim: merges the shards of this run folder and draws its report, once every array task has ended.
        #SBATCH --job-name=ccsim-%1$s-report
        #SBATCH --mem=%2$dM
        #SBATCH --output=%6$s/slurm/report-%%j.out
        export CCSIM_JAVA_OPTS="-Xmx%4$dm ${CCSIM_JAVA_OPTS:-}"
        exec %5$s report %3$s
        """.formatted(scenario, memMegabytes(), run, heapMegabytes, RunCommand.quoted(launcher.toString()),
        folder.path().toAbsolutePath());
  }

  /** A task's memory: its heap and 512 MB for the JVM beyond it (code, threads, buffers). */
  private long memMegabytes() {
    return heapMegabytes + 512;
  }

  /** Runs {@code sbatch --parsable EXTRA ARGS SCRIPT} and returns the job id it prints. */
  private static String sbatch(List<String> extra, List<String> args, Path script)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
    command.addAll(extra);
    command.addAll(args);
    command.add(script.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
    String last = output.lines().reduce((a, b) -> b).orElse("");
    return last.split(";")[0];
  }
}
