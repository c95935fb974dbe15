package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short run through the real CLI and bundled plugin JARs writes every output that README.md's
 * "Outputs" lists.
 */
class RunOutputsTest {

  @TempDir
  Path out;

  static Path onlyRunFolder(Path root) throws IOException {
    return onlyRunFolder(root, "quickstart");
  }

  /** The one run folder of {@code scenario} under the results root {@code root}. */
  static Path onlyRunFolder(Path root, String scenario) throws IOException {
    try (Stream<Path> runs = Files.list(root.resolve(scenario))) {
      List<Path> folders = runs.toList();
      assertEquals(1, folders.size(), "one run folder: " + folders);
      return folders.get(0);
    }
  }

  private Path shortRun(Path root, String threads) throws IOException {
    Cli.Result result = Cli.run("run", Cli.scenarios().resolve("quickstart.json").toString(), "--out", root.toString(),
        "--threads", threads, "--replicates", "2", "--set", "training.epochs=6", "--set", "record.every=2");
    assertEquals(0, result.exit(), result.err());
    return onlyRunFolder(root);
  }

  @Test
  void aRunWritesResolvedScenarioProvenanceMetricsSummaryAndPlots() throws IOException {
    Path run = shortRun(out, "2");
    for (String file : List.of("scenario.resolved.json", "provenance.json", "metrics.csv", "summary.csv",
        "summary.md", "plots/loss.png", "plots/loss.svg")) {
      assertTrue(Files.size(run.resolve(file)) > 0, file);
    }
    byte[] png = Files.readAllBytes(run.resolve("plots/loss.png"));
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
    assertTrue(Files.readString(run.resolve("plots/loss.svg")).contains("<svg"));

    List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
    assertEquals("rule,replicate,phase,epoch,metric,value", metrics.get(0));
    assertEquals(1 + 3 * 2 * 4, metrics.size(), "3 rules x 2 replicates x epochs 1, 2, 4, 6");
    assertTrue(metrics.get(1).startsWith("bptt,1,train,1,loss,"));
    assertTrue(metrics.get(4).startsWith("bptt,1,train,6,loss,"));

    String summary = Files.readString(run.resolve("summary.md"));
    for (String rule : List.of("| bptt |", "| tbptt-1 |", "| tbptt-3 |")) {
      assertTrue(summary.contains(rule), rule);
    }
    assertFalse(summary.contains("Adaptation"), "one phase, no perturbation: nothing to adapt to");

    ObjectMapper json = new ObjectMapper();
    JsonNode resolved = json.readTree(run.resolve("scenario.resolved.json").toFile());
    assertEquals(2, resolved.get("replicates").asInt());
    assertEquals(6, resolved.at("/phases/0/epochs").asInt());
    assertEquals(0.9, resolved.at("/training/optimiser/beta1").asDouble(), "defaults are written out");
    assertTrue(resolved.at("/derivedSeeds").has("replicate-2/network-init"), resolved.at("/derivedSeeds").toString());

    JsonNode provenance = json.readTree(run.resolve("provenance.json").toFile());
    assertEquals("completed", provenance.get("status").asText());
    assertEquals(2024, provenance.get("masterSeed").asLong());
    assertEquals(12, provenance.get("plugins").size(), "every bundled plugin, synthesisers, the lstm, rules-online, tasks-data, tasks-sequence and plants included");
    assertEquals(0, provenance.get("datasets").size(), "the quickstart reads no dataset folder");
    assertTrue(provenance.hasNonNull("end"));
  }

  /** The quickstart's line drawing scores every second step, and its probes say so in trajectories.csv. */
  @Test
  void handPathsMarkTheStepsTheTaskScores() throws IOException {
    Path run = shortRun(out, "2");
    List<String> lines = Files.readAllLines(run.resolve("trajectories.csv"));
    assertEquals("rule,replicate,phase,epoch,probe,step,scored,y1,y2,target1,target2", lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      int step = Integer.parseInt(fields[5]);
      assertEquals(step % 2 == 0 ? "1" : "0", fields[6], line);
    }
  }

  @Test
  void theResolvedScenarioRerunsToTheSameMetrics() throws IOException {
    Path first = shortRun(out.resolve("a"), "2");
    Cli.Result again = Cli.run("run", first.resolve("scenario.resolved.json").toString(), "--out",
        out.resolve("b").toString());
    assertEquals(0, again.exit(), again.err());
    assertEquals(Files.readString(first.resolve("metrics.csv")),
        Files.readString(onlyRunFolder(out.resolve("b")).resolve("metrics.csv")));
  }

  @Test
  void metricsAreByteIdenticalWithOneOrTwoThreads() throws IOException {
    Path one = shortRun(out.resolve("one"), "1");
    Path two = shortRun(out.resolve("two"), "2");
    assertArrayEquals(Files.readAllBytes(one.resolve("metrics.csv")), Files.readAllBytes(two.resolve("metrics.csv")));
  }

  @Test
  void reportReRendersSummaryAndPlotsFromStoredMetrics() throws IOException {
    Path run = shortRun(out, "2");
    String summary = Files.readString(run.resolve("summary.md"));
    Files.delete(run.resolve("summary.md"));
    Files.delete(run.resolve("plots/loss.png"));
    Cli.Result report = Cli.run("report", run.toString());
    assertEquals(0, report.exit(), report.err());
    assertEquals(summary, Files.readString(run.resolve("summary.md")));
    assertTrue(Files.exists(run.resolve("plots/loss.png")));
  }
}
