package org.ccsim.core.results;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A run's results folder, {@code ROOT/<scenario>/<timestamp>}. It is always new: an existing folder
 * is never reused, overwritten or deleted. Every file is written atomically (a temporary file in the
 * same folder, then a rename), so readers never see half a file.
 */
public final class RunFolder {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /** Numbers this process's temporary files, so that no two writes share one. */
  private static final AtomicLong TEMPORARIES = new AtomicLong();

  private final Path path;

  private RunFolder(Path path) {
    this.path = path;
  }

  /**
   * Creates a new folder for a run of {@code scenario} started at {@code start}.
   *
   * @throws IllegalArgumentException if {@code scenario} would name a folder outside {@code root}'s
   *     child (the scenario reader allows no such name)
   */
  public static RunFolder create(Path root, String scenario, Instant start) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    Path named = base.resolve(scenario).normalize();
    if (!base.equals(named.getParent())) {
      throw new IllegalArgumentException("the scenario name '" + scenario + "' does not name a folder inside " + root);
    }
    Path parent = Files.createDirectories(root.resolve(scenario));
    String stamp = STAMP.format(start);
    for (int attempt = 1; ; attempt++) {
      Path candidate = parent.resolve(attempt == 1 ? stamp : stamp + "-" + attempt);
      try {
        return new RunFolder(Files.createDirectory(candidate));
      } catch (FileAlreadyExistsException e) {
        // another run started in the same second: take the next name
      }
    }
  }

  /** An existing run folder, for re-rendering its reports. */
  public static RunFolder existing(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      throw new IOException(path + " is not a folder");
    }
    return new RunFolder(path);
  }

  public Path path() {
    return path;
  }

  /**
   * Claims the folder for this process until the returned lock is closed, so that two processes (a
   * run and an attempt to resume it) never write it at once. The operating system releases the lock
   * when the process ends, however it ends.
   *
   * @return closing it releases the folder
   * @throws IOException if another process holds it
   */
  public Closeable lock() throws IOException {
    FileChannel channel = FileChannel.open(path.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    boolean locked;
    try {
      locked = channel.tryLock() != null;
    } catch (OverlappingFileLockException e) {
      locked = false; // held by this process
    }
    if (!locked) {
      channel.close();
      throw new IOException(path + " is in use by another ccsim process (a run still going?)");
    }
    return channel;
  }

  /** Writes {@code text} to {@code relative} atomically. */
  public void write(String relative, String text) throws IOException {
    write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes {@code bytes} to {@code relative} atomically, creating parent folders. The file gets the
   * permissions the user's umask gives any new file (a temporary file of the JDK's would be private).
   */
  public void write(String relative, byte[] bytes) throws IOException {
    Path target = path.resolve(relative);
    Files.createDirectories(target.getParent());
    Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
        + TEMPORARIES.incrementAndGet() + ".tmp");
    try {
      Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
