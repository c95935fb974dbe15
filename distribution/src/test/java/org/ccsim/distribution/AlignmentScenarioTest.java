package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALGORITHMS §6 identity 4 as a scenario test, on a shortened {@code bp-lambda-alignment.json}
 * (2 replicates, 120 batches instead of 1000): with a frozen cortex, BP(1)'s
 * alignment with BPTT rises during training and ends above BP(0)'s, and alignment increases with
 * lambda.
 */
class AlignmentScenarioTest {

  @TempDir
  Path out;

  @Test
  void alignmentRisesWithTrainingAndWithLambda() throws IOException {
    List<String> args = List.of("run", Cli.scenarios().resolve("bp-lambda-alignment.json").toString(),
        "--out", out.toString(), "--replicates", "2", "--set", "training.epochs=3",
        "--set", "training.batchesPerEpoch=40");
    Cli.Result result = Cli.run(args.toArray(String[]::new));
    assertEquals(0, result.exit(), result.err());

    Path run;
    try (var folders = Files.list(out.resolve("bp-lambda-alignment"))) {
      run = folders.findFirst().orElseThrow();
    }
    List<String[]> rows = Files.readAllLines(run.resolve("summary.csv")).stream().skip(1)
        .map(l -> l.split(",", -1)).filter(r -> r[0].equals("alignment") && r[15].equals("final")).toList();
    Map<String, Double> finals = rows.stream().collect(Collectors.toMap(r -> r[1], r -> Double.parseDouble(r[5])));
    Map<String, Double> starts = rows.stream().collect(Collectors.toMap(r -> r[1], r -> Double.parseDouble(r[4])));
    assertTrue(finals.get("bp-1") > starts.get("bp-1") + 0.1, "BP(1) alignment rises: " + starts + " -> " + finals);
    assertTrue(finals.get("bp-1") > finals.get("bp-0") + 0.1, "BP(1) ends above BP(0): " + finals);
    assertTrue(finals.get("bp-0") < finals.get("bp-0_5") && finals.get("bp-0_5") < finals.get("bp-0_9")
        && finals.get("bp-0_9") < finals.get("bp-1"), "alignment increases with lambda: " + finals);
  }
}
