package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path of {@code docs/writing-a-plugin.md}, end to end: {@code examples/third-party-plugin} is
 * built with Maven outside the reactor (its own tests, ccsim's contract kit among them, run in that
 * build), its JAR is dropped into a plugin folder of its own, and a short run of its scenario
 * compares {@code rflo} with {@code bptt}.
 */
class ThirdPartyPluginTest {

  @TempDir
  Path dir;

  @Test
  void theExamplePluginBuiltOutsideTheReactorRunsInAScenarioAndRfloLearns() throws Exception {
    Path example = ExampleBuild.root().resolve("examples/third-party-plugin");
    Path built = ExampleBuild.packageCopy(example, dir.resolve("build"));
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Files.copy(built.resolve("target/rflo-plugin-1.0.0.jar"), plugins.resolve("rflo-plugin-1.0.0.jar"));

    Cli.Result list = Cli.runWithPlugins(List.of(plugins), "plugins");
    assertTrue(list.out().lines().anyMatch(l -> l.matches("rflo\\s+1\\.0\\.0\\s+STARTED\\s+rflo")), list.out());

    Path out = dir.resolve("runs");
    Cli.Result run = Cli.runWithPlugins(List.of(plugins), "run", example.resolve("rflo-vs-bptt.json").toString(),
        "--out", out.toString(), "--replicates", "2", "--set", "training.epochs=20", "--set", "record.every=19");
    assertEquals(0, run.exit(), run.out() + run.err());

    Path runFolder;
    try (var folders = Files.list(out.resolve("rflo-vs-bptt"))) {
      runFolder = folders.findFirst().orElseThrow();
    }
    Map<String, double[]> firstAndLast = new TreeMap<>();
    for (String row : Files.readAllLines(runFolder.resolve("metrics.csv")).subList(1, 1 + 2 * 2 * 3)) {
      String[] f = row.split(",");
      assertEquals("loss", f[4], row);
      double[] pair = firstAndLast.computeIfAbsent(f[0] + " replicate " + f[1], k -> new double[2]);
      pair[f[3].equals("1") ? 0 : 1] = Double.parseDouble(f[5]);
    }
    assertEquals(List.of("bptt replicate 1", "bptt replicate 2", "rflo replicate 1", "rflo replicate 2"),
        List.copyOf(firstAndLast.keySet()));
    for (String replicate : List.of("rflo replicate 1", "rflo replicate 2")) {
      double[] pair = firstAndLast.get(replicate);
      assertTrue(pair[1] < pair[0], replicate + ": loss from " + pair[0] + " to " + pair[1]);
    }
    assertTrue(Files.readString(runFolder.resolve("summary.md")).contains("| rflo |"));
  }
}
