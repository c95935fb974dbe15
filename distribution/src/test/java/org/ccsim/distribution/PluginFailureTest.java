package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way a third-party plugin JAR can be broken, with a real JAR built here and dropped into a
 * plugin folder next to the bundled plugins: {@code ccsim plugins} lists it with its state and
 * reason, {@code validate} and {@code run} of a scenario that needs it exit with 2 and say why, and
 * the bundled plugins keep working; a scenario that does not need it validates, with one warning line
 * naming the plugin (issue 16).
 */
class PluginFailureTest {

  @TempDir
  Path dir;

  private Path plugins() {
    return dir.resolve("plugins");
  }

  @Test
  void aCorruptJarIsReportedByItsFileName() throws IOException {
    Path jar = new PluginJar("corrupt", "1.0.0")
        .source("example.ConstantTaskType", PluginJar.constantTask("example", "constant-task", "\"constant\""))
        .build(dir.resolve("build"), dir.resolve("whole.jar"));
    byte[] bytes = Files.readAllBytes(jar);
    Files.createDirectories(plugins());
    Files.write(plugins().resolve("corrupt.jar"), Arrays.copyOf(bytes, bytes.length / 2));

    String reason = plugins().resolve("corrupt.jar") + " cannot be loaded as a plugin: not a readable JAR (";
    assertListed("corrupt.jar", "?", "FAILED", "", reason);
    assertNeedingScenarioFails("unknown task 'constant-task'",
        "it may come from a plugin that failed (ccsim plugins): plugin corrupt.jar failed: " + reason);
  }

  @Test
  void aSecondJarWithTheSamePluginIdIsReportedWithTheFirstOnesPath() throws IOException {
    PluginJar plugin = new PluginJar("twice", "1.0.0")
        .source("example.ConstantTaskType", PluginJar.constantTask("example", "constant-task", "\"constant\""));
    Path first = plugin.build(dir.resolve("build-a"), dir.resolve("first/twice.jar"));
    plugin.build(dir.resolve("build-b"), plugins().resolve("twice.jar"));

    Cli.Result result = Cli.runWithPlugins(List.of(first.getParent(), plugins()), "plugins");
    assertTrue(result.out().lines().anyMatch(l -> l.matches("twice\\s+1\\.0\\.0\\s+STARTED\\s+constant-task")), result.out());
    assertTrue(result.out().contains("    reason: " + plugins().resolve("twice.jar").toAbsolutePath()
        + " cannot be loaded as a plugin: its Plugin-Id 'twice' is already taken by " + first.toAbsolutePath()), result.out());
  }

  @Test
  void aJarMissingAClassItUsesIsReportedWithTheClass() throws IOException {
    new PluginJar("missing-class", "1.0.0")
        .source("example.ConstantTaskType", PluginJar.constantTask("example", "constant-task",
            "example.lib.Helper.text()"))
        .compileOnly("example.lib.Helper", """
            package example.lib;
            public final class Helper {
              public static String text() { return "help"; }
            }
            """)
        .build(dir.resolve("build"), plugins().resolve("missing-class.jar"));

    String reason = "its components cannot be loaded: missing class example.lib.Helper";
    assertListed("missing-class", "1.0.0", "FAILED", "constant-task", reason);
    assertNeedingScenarioFails("task 'constant-task' is not available: plugin missing-class failed: " + reason);
  }

  @Test
  void aClassMissingOnlyWhenTheComponentIsBuiltIsBadInputAtItsJsonPath() throws IOException {
    String source = PluginJar.constantTask("example", "constant-task", "\"constant\"")
        .replace("return new Task() {", "example.lib.Helper.text();\n            return new Task() {");
    new PluginJar("missing-late", "1.0.0").source("example.ConstantTaskType", source)
        .compileOnly("example.lib.Helper", """
            package example.lib;
            public final class Helper {
              public static String text() { return "help"; }
            }
            """)
        .build(dir.resolve("build"), plugins().resolve("missing-late.jar"));

    assertNeedingScenarioFails("constant-task failed to build: java.lang.NoClassDefFoundError: example/lib/Helper");
  }

  @Test
  void aPluginThatThrowsWhileStartingIsReportedWithTheException() throws IOException {
    new PluginJar("throws-on-start", "1.0.0").pluginClass("example.Boom")
        .source("example.ConstantTaskType", PluginJar.constantTask("example", "constant-task", "\"constant\""))
        .source("example.Boom", """
            package example;
            public final class Boom extends org.pf4j.Plugin {
              @Override
              public void start() { throw new IllegalStateException("licence server unreachable"); }
            }
            """)
        .build(dir.resolve("build"), plugins().resolve("throws-on-start.jar"));

    assertListed("throws-on-start", "1.0.0", "FAILED", "",
        "failed to start: IllegalStateException: licence server unreachable");
    assertNeedingScenarioFails("plugin throws-on-start failed: failed to start: IllegalStateException");
  }

  @Test
  void aPluginRequiringAnotherCcsimVersionIsDisabledAndARunNeedingItWritesNothing() throws IOException {
    new PluginJar("from-the-future", "3.0.0").requires(">=9.0.0")
        .source("example.ConstantTaskType", PluginJar.constantTask("example", "constant-task", "\"constant\""))
        .build(dir.resolve("build"), plugins().resolve("from-the-future.jar"));

    String reason = "requires ccsim >=9.0.0, this is ccsim 0.1.0";
    assertListed("from-the-future", "3.0.0", "DISABLED", "", reason);
    assertNeedingScenarioFails("plugin from-the-future failed: " + reason);

    Path out = dir.resolve("runs");
    Cli.Result run = Cli.runWithPlugins(List.of(plugins()), "run", needingScenario().toString(), "--out", out.toString());
    assertEquals(2, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("plugin from-the-future failed: " + reason), run.err());
    assertFalse(Files.exists(out), "no results folder");
  }

  @Test
  void aPluginProvidingAnIdThatABundledPluginProvidesFailsAndTheBundledOneKeepsIt() throws IOException {
    new PluginJar("duplicate", "1.0.0")
        .source("example.a.ConstantTaskType", PluginJar.constantTask("example.a", "constant-task", "\"constant\""))
        .source("example.b.ConstantTaskType", PluginJar.constantTask("example.b", "line-drawing", "\"impostor\""))
        .build(dir.resolve("build"), plugins().resolve("duplicate.jar"));

    String reason = "provides component id 'line-drawing', which plugin tasks-motor already provides";
    assertListed("duplicate", "1.0.0", "FAILED", "constant-task, line-drawing", reason);
    assertNeedingScenarioFails("task 'constant-task' is not available: plugin duplicate failed: " + reason);
    Cli.Result describe = Cli.runWithPlugins(List.of(plugins()), "describe", "line-drawing");
    assertTrue(describe.out().contains("line-drawing  (task, plugin tasks-motor)"), describe.out());
  }

  @Test
  void aPluginBundlingItsOwnCopyOfTheApiIsReported() throws IOException {
    new PluginJar("bundles-api", "1.0.0")
        .source("org.ccsim.api.ComponentType", "package org.ccsim.api; public interface ComponentType {}")
        .build(dir.resolve("build"), plugins().resolve("bundles-api.jar"));

    assertListed("bundles-api", "1.0.0", "FAILED", "",
        "the JAR bundles its own copy of framework-api; declare framework-api provided");
  }

  @Test
  void aPluginFolderThatIsMissingOrIsAJarIsWarnedOfByEveryCommand() throws IOException {
    Path missing = dir.resolve("no-such-folder");
    Path jar = new PluginJar("as-folder", "1.0.0")
        .source("example.ConstantTaskType", PluginJar.constantTask("example", "constant-task", "\"constant\""))
        .build(dir.resolve("build"), dir.resolve("as-folder.jar"));
    List<String> expected = List.of("ccsim: warning: plugin folder " + missing.toAbsolutePath() + " does not exist",
        "ccsim: warning: plugin folder " + jar.toAbsolutePath() + " is a file; name the folder that holds the plugin"
            + " JARs (CCSIM_PLUGINS lists folders, separated by ':')");

    Cli.Result validate = Cli.runWithPlugins(List.of(missing, jar), "validate",
        Cli.scenarios().resolve("quickstart.json").toString());
    assertEquals(0, validate.exit(), validate.err());
    assertEquals(expected, validate.err().lines().toList());
    Cli.Result listing = Cli.runWithPlugins(List.of(missing, jar), "plugins");
    assertEquals(expected, listing.err().lines().toList());
    assertFalse(listing.out().contains("constant-task"), "a JAR named as a folder is not loaded: " + listing.out());
  }

  /**
   * {@code ccsim plugins} lists the broken plugin as given and every bundled plugin as started; a
   * plugin that is not started is one warning line of {@code validate}, although the scenario does not
   * need it.
   */
  private void assertListed(String id, String version, String state, String components, String reason) {
    Cli.Result result = Cli.runWithPlugins(List.of(plugins()), "plugins");
    assertEquals(0, result.exit(), result.err());
    List<String> lines = result.out().lines().toList();
    String row = Pattern.quote(id) + "\\s+" + Pattern.quote(version) + "\\s+" + state + "\\s*" + Pattern.quote(components);
    int at = lines.indexOf(lines.stream().filter(l -> l.matches(row)).findFirst().orElse("(none)"));
    assertTrue(at >= 0, "no line " + row + " in\n" + result.out());
    assertTrue(lines.get(at + 1).startsWith("    reason: " + reason), lines.get(at + 1));
    for (String bundled : List.of("rnn-tanh", "rule-bptt", "rule-bp-lambda", "synthesisers", "tasks-motor")) {
      assertTrue(lines.stream().anyMatch(l -> l.matches(bundled + "\\s+\\S+\\s+STARTED\\s+\\S.*")), result.out());
    }
    if (!state.equals("STARTED")) {
      Cli.Result quickstart = Cli.runWithPlugins(List.of(plugins()), "validate",
          Cli.scenarios().resolve("quickstart.json").toString());
      List<String> warnings = quickstart.err().lines().toList();
      assertEquals(1, warnings.size(), quickstart.err());
      assertTrue(warnings.get(0).startsWith("ccsim: warning: plugin " + id + " does not work: " + reason),
          warnings.get(0));
    }
  }

  /** Validating a scenario that needs the plugin is bad input; one that does not need it is fine. */
  private void assertNeedingScenarioFails(String... messages) throws IOException {
    Cli.Result result = Cli.runWithPlugins(List.of(plugins()), "validate", needingScenario().toString());
    assertEquals(2, result.exit(), result.out() + result.err());
    for (String message : messages) {
      assertTrue(result.err().contains("needs-plugin.json: $.task") && result.err().contains(message), result.err());
    }
    Cli.Result quickstart = Cli.runWithPlugins(List.of(plugins()), "validate",
        Cli.scenarios().resolve("quickstart.json").toString());
    assertEquals(0, quickstart.exit(), quickstart.err());
  }

  private Path needingScenario() throws IOException {
    Path file = dir.resolve("needs-plugin.json");
    Files.writeString(file, """
        { "scenario": "needs-plugin", "seed": 1,
          "task": { "type": "constant-task" },
          "network": { "type": "tanh-rnn", "hidden": 4 },
          "training": { "epochs": 1 },
          "rules": { "bptt": { "type": "bptt" } } }
        """);
    return file;
  }
}
