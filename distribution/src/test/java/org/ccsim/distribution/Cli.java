package org.ccsim.distribution;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

  static synchronized Result run(String... args) {
    System.setProperty("ccsim.plugins", dist().resolve("plugins").toString());
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
