package org.ccsim.distribution;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ccsim.core.cli.Main;

/**
 * Runs the real {@code ccsim} command line in-process against the distribution layout built by this
 * module ({@code target/ccsim/plugins}), capturing what it prints.
 */
final class Cli {

  /** What a command returned and printed. */
  record Result(int exit, String out, String err) {
  }

  private Cli() {
  }

  static Path dist() {
    return Path.of(System.getProperty("ccsim.dist", "target/ccsim"));
  }

  static Path scenarios() {
    return Path.of(System.getProperty("ccsim.scenarios", "../scenarios"));
  }

  /**
   * The launcher {@code ./ccsim} as a command, with the distribution this module just packaged marked
   * built, so that the launcher starts the CLI at once instead of building.
   */
  static List<String> launcher() throws IOException {
    Path stamp = dist().resolve(".built");
    if (Files.notExists(stamp)) {
      Files.createFile(stamp);
    }
    Files.setLastModifiedTime(stamp, FileTime.from(Instant.now()));
    return List.of("bash", scenarios().resolve("../ccsim").toAbsolutePath().normalize().toString());
  }

  static Result run(String... args) {
    return runWithPlugins(List.of(), args);
  }

  /** Runs with the bundled plugins and then the plugin folders {@code extra}, as CCSIM_PLUGINS does. */
  static synchronized Result runWithPlugins(List<Path> extra, String... args) {
    List<String> folders = new ArrayList<>(List.of(dist().resolve("plugins").toString()));
    extra.forEach(folder -> folders.add(folder.toString()));
    System.setProperty("ccsim.plugins", String.join(File.pathSeparator, folders));
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int exit = Main.execute(args);
      return new Result(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
