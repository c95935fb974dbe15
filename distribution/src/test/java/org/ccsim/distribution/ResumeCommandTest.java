package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ccsim run --resume}: what it refuses with exit 2, and that resuming a finished run changes no result. */
class ResumeCommandTest {

  @TempDir
  Path dir;

  private Path finishedRun() throws IOException {
    Cli.Result result = Cli.run("run", Cli.scenarios().resolve("quickstart.json").toString(), "--out", dir.toString(),
        "--replicates", "1", "--set", "training.epochs=3", "--set", "checkpoint.every=1", "--threads", "2");
    assertEquals(0, result.exit(), result.err());
    try (Stream<Path> runs = Files.list(dir.resolve("quickstart"))) {
      return runs.findFirst().orElseThrow();
    }
  }

  @Test
  void resumingAFinishedRunSaysSoAndChangesNothing() throws IOException {
    Path run = finishedRun();
    Map<Path, String> before = contents(run);

    Cli.Result resumed = Cli.run("run", "--resume", run.toString());

    assertEquals(0, resumed.exit(), resumed.err());
    assertTrue(resumed.out().contains(run + " is complete (3 unit(s)): nothing to resume, nothing changed"), resumed.out());
    assertEquals(before, contents(run), "every file as it was, provenance.json included");
  }

  /** Every file of the folder (but the lock) with its contents, by path. */
  private static Map<Path, String> contents(Path folder) throws IOException {
    Map<Path, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path file : all.filter(Files::isRegularFile).filter(f -> !f.endsWith(".lock")).toList()) {
        files.put(folder.relativize(file), java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
      }
    }
    return files;
  }

  @Test
  void aResumeTakesNothingThatCouldChangeTheRun() throws IOException {
    Path run = finishedRun();
    for (List<String> extra : List.of(List.of("--set", "seed=3"), List.of("--replicates", "2"),
        List.of("--out", dir.toString()), List.of(Cli.scenarios().resolve("quickstart.json").toString()))) {
      List<String> args = new ArrayList<>(List.of("run", "--resume", run.toString()));
      args.addAll(extra);

      Cli.Result result = Cli.run(args.toArray(String[]::new));

      assertEquals(2, result.exit(), extra + ": " + result.err());
      assertTrue(result.err().contains("--resume RUN_DIR continues a run exactly as it was started"), result.err());
    }
  }

  @Test
  void aResumeWithAnotherPluginVersionWarns() throws IOException {
    Path run = finishedRun();
    ObjectNode provenance = (ObjectNode) new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
    ObjectNode plugin = (ObjectNode) provenance.path("plugins").get(0);
    plugin.put("version", "0.0.1");
    provenance.put("status", "interrupted"); // stopped after its last unit, before it was marked complete
    Files.writeString(run.resolve("provenance.json"), provenance.toString());

    Cli.Result resumed = Cli.run("run", "--resume", run.toString());

    assertEquals(0, resumed.exit(), resumed.err());
    assertTrue(resumed.err().contains("warning: plugin " + plugin.path("id").asText() + " is version "), resumed.err());
    assertTrue(resumed.err().contains("the run started with 0.0.1"), resumed.err());
  }

  @Test
  void aFolderThatIsNotARunIsRefused() {
    Cli.Result result = Cli.run("run", "--resume", dir.toString());

    assertEquals(2, result.exit());
    assertEquals("ccsim run: " + dir + " is not a ccsim run folder (it needs scenario.resolved.json and provenance.json)\n",
        result.err());
  }

  @Test
  void aDamagedCheckpointIsRefusedByName() throws IOException {
    Path run = finishedRun();
    Path checkpoint = run.resolve("checkpoints/bptt/replicate-1.zip");
    Files.write(checkpoint, new byte[] {'P', 'K', 1});

    Cli.Result result = Cli.run("run", "--resume", run.toString());

    assertEquals(2, result.exit());
    assertTrue(result.err().startsWith("ccsim run: cannot resume: " + checkpoint), result.err());
  }
}
