package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The other verbs of the command line (README.md, "Command line") against the bundled plugins. */
class CommandsTest {

  @Test
  void pluginsListsTheBundledPluginsWithTheirComponents() {
    Cli.Result result = Cli.run("plugins");
    assertEquals(0, result.exit(), result.err());
    List<String> lines = result.out().lines().toList();
    assertTrue(lines.stream().anyMatch(l -> l.matches("rnn-tanh\\s+0\\.1\\.0\\S*\\s+STARTED\\s+tanh-rnn")), result.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("rule-bptt\\s+\\S+\\s+STARTED\\s+bptt")), result.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("tasks-motor\\s+\\S+\\s+STARTED\\s+.*line-drawing.*")), result.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("ccsim-core\\s+\\S+\\s+BUILT-IN\\s+sgd, adam, clip-norm, clip-tensor-norm, java")),
        result.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("cerebellum\\s+\\S+\\s+STARTED\\s+cerebellum")), result.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("compute-openblas\\s+\\S+\\s+STARTED\\s+openblas")), result.out());
  }

  @Test
  void describeListsEveryParameterWithTypeDefaultAndRange() {
    Cli.Result result = Cli.run("describe", "tanh-rnn");
    assertEquals(0, result.exit(), result.err());
    assertTrue(result.out().contains("tanh-rnn  (network, plugin rnn-tanh)"), result.out());
    assertTrue(result.out().lines().anyMatch(l -> l.matches("\\s+hidden\\s+integer\\s+30\\s+between 1 and 100000\\s+.*")),
        result.out());
    assertTrue(result.out().lines().anyMatch(l -> l.matches("\\s+nonlinearity\\s+choice\\s+tanh\\s+tanh \\| identity.*")),
        result.out());
  }

  @Test
  void describeOfAnUnknownTypeIsBadInput() {
    Cli.Result result = Cli.run("describe", "tahn-rnn");
    assertEquals(2, result.exit());
    assertTrue(result.err().contains("unknown component 'tahn-rnn'"), result.err());
  }

  @Test
  void everyShippedScenarioValidates() throws IOException {
    try (Stream<Path> files = Files.list(Cli.scenarios())) {
      List<Path> scenarios = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
      assertTrue(!scenarios.isEmpty());
      for (Path scenario : scenarios) {
        Cli.Result result = Cli.run("validate", scenario.toString());
        assertEquals(0, result.exit(), scenario + ": " + result.err());
      }
    }
  }

  @Test
  void unknownOptionsAreBadInput() {
    assertEquals(2, Cli.run("run", "--no-such-option").exit());
    assertEquals(2, Cli.run("frobnicate").exit());
  }
}
