package org.ccsim.core.results;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Claims on a run's units, so that one process at a time trains a unit, also across the nodes of a
 * cluster that share the run folder. A claim is the file {@code units/RULE/replicate-R/claim}, created
 * only if absent (an exclusive create, atomic on a local file system and on NFS from version 3, where
 * an operating-system lock need not reach the other nodes), naming its holder: host, process id, the
 * process's start instant and the job it runs in ({@code SLURM_JOB_ID}, with the array task if any).
 *
 * <p>The holder touches its claims every {@link #HEARTBEAT}. A claim is stale, and the next process to
 * ask takes it over, when its holder ran on this host and is gone (no process with that id and start
 * instant: a task killed outright), or when it has not been touched for {@link #STALE} (a node that
 * died). A taker first renames the stale file to a name of its own, which only one taker can do, so two
 * processes never both win a unit.
 */
public final class UnitClaims implements Closeable {

  /** How often a holder touches its claims. */
  public static final Duration HEARTBEAT = Duration.ofSeconds(20);
  /** How long a claim of another host lives without a touch. */
  public static final Duration STALE = Duration.ofMinutes(2);

  /** Who holds a claim, as its file says, and when it was last touched. */
  public record Holder(String host, long pid, String started, String job, Instant touched) {

    /** {@code "host node1, pid 4242, job 17_2"}. */
    public String describe() {
      return "host " + host + ", pid " + pid + (job.isEmpty() ? "" : ", job " + job);
    }
  }

  private static final String FILE = "claim";
  private static final String HOST = hostName();

  private final RunFolder folder;
  private final Holder self;
  private final Set<Path> held = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService heartbeat;

  /** Claims made by this process, for {@code folder}. */
  public UnitClaims(RunFolder folder) {
    this.folder = folder;
    ProcessHandle me = ProcessHandle.current();
    this.self = new Holder(HOST, me.pid(), started(me), job(), Instant.EPOCH);
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "ccsim-claims");
      thread.setDaemon(true);
      return thread;
    });
    heartbeat.scheduleAtFixedRate(this::touchAll, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** This process, as its claims name it. */
  public Holder self() {
    return self;
  }

  /**
   * Claims the unit for this process.
   *
   * @return whether this process now holds it (false: a live holder has it)
   */
  public boolean claim(String rule, int replicate) throws IOException {
    Path claim = path(folder, rule, replicate);
    Files.createDirectories(claim.getParent());
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        Files.write(claim, format(self).getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        held.add(claim);
        return true;
      } catch (FileAlreadyExistsException e) {
        Optional<Holder> holder = read(claim);
        if (holder.isPresent() && live(holder.get())) {
          return false;
        }
        Path taken = claim.resolveSibling("." + FILE + "." + self.pid() + "." + System.nanoTime() + ".stale");
        try {
          Files.move(claim, taken);
          Files.deleteIfExists(taken);
        } catch (NoSuchFileException gone) {
          // another process took the stale claim away first; try again
        }
      }
    }
    return false;
  }

  /** Gives up the claim on a unit this process holds. */
  public void release(String rule, int replicate) throws IOException {
    Path claim = path(folder, rule, replicate);
    if (held.remove(claim)) {
      Files.deleteIfExists(claim);
    }
  }

  /** The live holder of the claim on a unit of {@code folder}, if any: a stale claim has none. */
  public static Optional<Holder> holder(RunFolder folder, String rule, int replicate) {
    return read(path(folder, rule, replicate)).filter(UnitClaims::live);
  }

  /** Releases every claim this process holds and stops touching them. */
  @Override
  public void close() throws IOException {
    heartbeat.shutdownNow();
    for (Path claim : held) {
      Files.deleteIfExists(claim);
    }
    held.clear();
  }

  private static Path path(RunFolder folder, String rule, int replicate) {
    return folder.path().resolve("units").resolve(rule).resolve("replicate-" + replicate).resolve(FILE);
  }

  private static boolean live(Holder holder) {
    if (holder.host().equals(HOST)) {
      return ProcessHandle.of(holder.pid()).map(p -> started(p).equals(holder.started())).orElse(false);
    }
    return holder.touched().plus(STALE).isAfter(Instant.now());
  }

  private void touchAll() {
    FileTime now = FileTime.from(Instant.now());
    for (Path claim : held) {
      try {
        Files.setLastModifiedTime(claim, now);
      } catch (IOException e) {
        // the next beat tries again; a claim left untouched for long is taken over, which is safe
      }
    }
  }

  private static Optional<Holder> read(Path claim) {
    Instant touched;
    List<String> lines;
    try {
      touched = Files.getLastModifiedTime(claim).toInstant();
      lines = Files.readAllLines(claim, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(new Holder("", -1, "", "", Instant.now())); // unreadable just now: held, to be safe
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : lines) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        fields.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    long pid;
    try {
      pid = Long.parseLong(fields.getOrDefault("pid", "-1"));
    } catch (NumberFormatException e) {
      pid = -1; // a damaged claim: held by no process of this host, stale once old
    }
    return Optional.of(new Holder(fields.getOrDefault("host", ""), pid, fields.getOrDefault("started", ""),
        fields.getOrDefault("job", ""), touched));
  }

  private static String format(Holder holder) {
    return "host=" + holder.host() + "\npid=" + holder.pid() + "\nstarted=" + holder.started() + "\njob="
        + holder.job() + "\n";
  }

  private static String started(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toString).orElse("");
  }

  /** {@code SLURM_ARRAY_JOB_ID_SLURM_ARRAY_TASK_ID} in an array task, {@code SLURM_JOB_ID} in a job, else empty. */
  private static String job() {
    String array = System.getenv("SLURM_ARRAY_JOB_ID");
    String task = System.getenv("SLURM_ARRAY_TASK_ID");
    if (array != null && task != null) {
      return array + "_" + task;
    }
    return Optional.ofNullable(System.getenv("SLURM_JOB_ID")).orElse("");
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
    }
  }
}
