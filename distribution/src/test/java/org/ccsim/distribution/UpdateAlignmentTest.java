package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * {@code update-alignment} is the host's, for every rule: the cosine of the batch's summed network
 * updates with the full-BPTT gradient at the weights the batch began with (readout left out). Full
 * BPTT, and DNI whose one window spans the episode, hand exactly that gradient: 1; BPTT(1) less; and
 * rules updating at every step are measured too.
 */
class UpdateAlignmentTest {

  private static final String SCENARIO = """
      {
        "scenario": "update-alignment",
        "seed": 5,
        "replicates": 1,
        "task": { "type": "line-drawing", "steps": 6, "targets": 3, "radius": 10, "targetEvery": 2 },
        "network": { "type": "tanh-rnn", "hidden": 8 },
        "training": { "epochs": 3, "batchSize": 4, "optimiser": { "type": "adam", "learningRate": 0.01 } },
        "rules": {
          "bptt": { "type": "bptt" },
          "tbptt-1": { "type": "bptt", "truncation": 1 },
          "dni-whole": { "type": "dni", "truncation": 6 },
          "bp-lambda-step": { "type": "bp-lambda", "update": "step" }
        },
        "record": { "every": 1, "metrics": ["loss", "update-alignment"] }
      }
      """;

  @TempDir
  Path dir;

  @Test
  void everyRuleGetsItAndExactGradientsScoreOne() throws IOException {
    Path file = Files.writeString(dir.resolve("update-alignment.json"), SCENARIO);
    Cli.Result result = Cli.run("run", file.toString(), "--out", dir.resolve("runs").toString());
    assertEquals(0, result.exit(), result.err());

    Map<String, List<Double>> values = new TreeMap<>();
    try (Stream<Path> runs = Files.list(dir.resolve("runs/update-alignment"))) {
      Path run = runs.findFirst().orElseThrow();
      for (String line : Files.readAllLines(run.resolve("metrics.csv"))) {
        String[] f = line.split(",");
        if (f[4].equals("update-alignment")) {
          values.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[5]));
        }
      }
    }
    assertEquals(List.of("bp-lambda-step", "bptt", "dni-whole", "tbptt-1"), List.copyOf(values.keySet()));
    for (String exact : List.of("bptt", "dni-whole")) {
      values.get(exact).forEach(v -> assertEquals(1.0, v, 1e-12, exact));
    }
    values.get("tbptt-1").forEach(v -> assertTrue(v < 1 - 1e-6 && v > -1, "BPTT(1): " + v));
    values.get("bp-lambda-step").forEach(v -> assertTrue(v <= 1 && v >= -1, "BP(lambda), updates every step: " + v));
    assertEquals(3, values.get("bptt").size(), "every epoch");
  }
}
