package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: what the launcher {@code ./ccsim} and the project's Maven builds print, seen from outside.
 * The JVM's line about the incubator module is not shown, everything else on stderr is; Maven
 * prints no escape codes when its output is not a terminal ({@code .mvn/jvm.config}); and a build
 * without Chromium stops at its start, saying so ({@code .mvn/require-browser.sh}).
 */
class LauncherTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** What a child process returned and printed. */
  record Output(int exit, String out, String err) {
  }

  private static Output run(String... command) throws IOException, InterruptedException {
    return run(Map.of(), command);
  }

  /** Runs {@code command} in the project's root with this process's environment plus {@code environment}. */
  private static Output run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("launcher", ".out");
    Path err = Files.createTempFile("launcher", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(environment);
      Process child = builder.start();
      assertTrue(child.waitFor(5, TimeUnit.MINUTES), "still running: " + List.of(command));
      return new Output(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }

  private static Output ccsim(String... args) throws IOException, InterruptedException {
    return ccsim(Map.of(), args);
  }

  /** The launcher {@code ./ccsim} with {@code args}, in its own process with {@code environment} added. */
  static Output ccsim(Map<String, String> environment, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(Cli.launcher());
    command.addAll(List.of(args));
    return run(environment, command.toArray(String[]::new));
  }

  @Test
  void helpPrintsNothingOnStderr() throws Exception {
    Output help = ccsim("--help");

    assertEquals(0, help.exit(), help.err());
    assertTrue(help.out().startsWith("Usage: ccsim"), help.out());
    assertEquals("", help.err(), "no JVM warning about the incubator module");
  }

  @Test
  void errorsStillReachStderrWithTheirExitCode() throws Exception {
    Output missing = ccsim("validate", "no-such-scenario.json");

    assertEquals(2, missing.exit(), missing.err());
    assertEquals(List.of("no-such-scenario.json: $: cannot read the file: no such file"), missing.err().lines().toList());
  }

  @Test
  void mavenPrintsNoEscapeCodesIntoALog() throws Exception {
    Output version = run("mvn", "-B", "-v");

    assertEquals(0, version.exit(), version.err());
    assertTrue(version.out().startsWith("Apache Maven"), version.out());
    assertFalse((version.out() + version.err()).contains("\u001b"), "an escape code in: " + version.out());
  }

  @Test
  void theBrowserCheckFailsAtOnceWithoutChromiumAndPassesWithIt(@TempDir Path bin) throws Exception {
    String script = ROOT.resolve(".mvn/require-browser.sh").toString();
    Output without = run("/bin/sh", "-c", "PATH=" + bin + " exec /bin/sh " + script);
    assertEquals(1, without.exit());
    assertTrue(without.err().contains("none of chromium, chromium-browser, google-chrome is on the PATH: install it"
        + " (Debian: sudo apt-get install chromium; .ci/run does this)"), without.err());

    Path fake = Files.writeString(bin.resolve("chromium-browser"), "#!/bin/sh\n");
    assertTrue(fake.toFile().setExecutable(true));
    Output with = run("/bin/sh", "-c", "PATH=" + bin + " exec /bin/sh " + script);
    assertEquals(0, with.exit(), with.err());
  }

  @Test
  void theBuildRunsTheBrowserCheckFirstUnlessTestsAreSkipped() throws Exception {
    Output checked = run("mvn", "-B", "-N", "validate");
    assertEquals(0, checked.exit(), checked.out());
    assertTrue(checked.out().contains("(require-browser) @ ccsim-parent"), checked.out());
    assertFalse(checked.out().contains("skipping execute"), checked.out());

    Output skipped = run("mvn", "-B", "-N", "-DskipTests", "validate");
    assertEquals(0, skipped.exit(), skipped.out());
    assertTrue(skipped.out().contains("skipping execute"), skipped.out());
  }
}
