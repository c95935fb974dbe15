package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data file named in a scenario (the reaching task's {@code targetsFile}) resolves against the
 * scenario file's folder, also through {@code --set}, and cannot leave it (issue 7, output safety).
 */
class DataFileScenarioTest {

  private static final String SCENARIO = """
      {
        "scenario": "reach-file",
        "seed": 3,
        "task": { "type": "reaching", "steps": 4, "cue": "direction"TARGETS },
        "network": { "type": "tanh-rnn", "hidden": 6 },
        "training": { "epochs": 1 },
        "rules": { "bptt": { "type": "bptt" } }
      }
      """;

  @TempDir
  Path dir;
  private Path folder;

  @BeforeEach
  void files() throws IOException {
    folder = Files.createDirectories(dir.resolve("study"));
    Files.createDirectories(folder.resolve("data"));
    Files.writeString(folder.resolve("data").resolve("targets.csv"), "# x,y\n10,0\n0,-5\n");
    Files.writeString(dir.resolve("secret.csv"), "1,1\n");
  }

  private Path scenario(String targetsFile) throws IOException {
    String targets = targetsFile == null ? "" : ", \"targetsFile\": \"" + targetsFile + "\"";
    return Files.writeString(folder.resolve("reach.json"), SCENARIO.replace("TARGETS", targets));
  }

  @Test
  void aFileInTheScenarioFolderIsRead() throws IOException {
    Cli.Result result = Cli.run("validate", scenario("data/targets.csv").toString());
    assertEquals(0, result.exit(), result.err());
  }

  @Test
  void aSetOverrideResolvesAgainstTheScenarioFileNotTheWorkingFolder() throws IOException {
    assertTrue(Files.notExists(Path.of("data/targets.csv").toAbsolutePath()));
    Cli.Result result = Cli.run("validate", scenario(null).toString(), "--set", "task.targetsFile=data/targets.csv");
    assertEquals(0, result.exit(), result.err());
  }

  @Test
  void escapesFromTheScenarioFolderAreBadInputAtTheParameter() throws IOException {
    Files.createSymbolicLink(folder.resolve("link.csv"), dir.resolve("secret.csv"));
    for (String escape : new String[] {"../secret.csv", dir.resolve("secret.csv").toString(), "link.csv"}) {
      Path file = scenario(escape);
      Cli.Result result = Cli.run("validate", file.toString());
      assertEquals(2, result.exit(), escape + ": " + result.out());
      assertTrue(result.err().startsWith(file + ": $.task.targetsFile: "), result.err());
      assertTrue(result.err().contains("the scenario's folder"), result.err());
    }
  }

  @Test
  void aBadLineIsBadInputNamingFileAndLine() throws IOException {
    Files.writeString(folder.resolve("data").resolve("targets.csv"), "10,0\nten,0\n");
    Path file = scenario("data/targets.csv");
    Cli.Result result = Cli.run("validate", file.toString());
    assertEquals(2, result.exit(), result.out());
    assertEquals(file + ": $.task.targetsFile: data/targets.csv line 2: expected two finite numbers x,y (got 'ten,0')",
        result.err().strip());
  }

  @Test
  void aRunCopiesTheFileBesideItsResolvedScenarioWhichRunsAsItIs() throws IOException {
    Path out = dir.resolve("runs");
    Cli.Result result = Cli.run("run", scenario("data/targets.csv").toString(), "--out", out.toString(), "--threads", "1");
    assertEquals(0, result.exit(), result.err());
    Path run;
    try (Stream<Path> runs = Files.list(out.resolve("reach-file"))) {
      run = runs.findFirst().orElseThrow();
    }
    assertEquals(Files.readString(folder.resolve("data").resolve("targets.csv")),
        Files.readString(run.resolve("data").resolve("targets.csv")));
    assertTrue(Files.readString(run.resolve("scenario.resolved.json")).contains("\"targetsFile\" : \"data/targets.csv\""));
    Cli.Result again = Cli.run("validate", run.resolve("scenario.resolved.json").toString());
    assertEquals(0, again.exit(), again.err());
  }
}
