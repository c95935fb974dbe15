package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dysmetria} is the host's, for every rule of a task with probes: a short line-drawing run that
 * lists it in {@code record.metrics} writes it to {@code metrics.csv} at every recorded epoch (it runs
 * the probes itself, whether or not the hand paths are stored), and the summary tests it like any
 * metric, paired against the first rule.
 */
class DysmetriaRunTest {

  private static final String SCENARIO = """
      {
        "scenario": "dysmetria",
        "seed": 7,
        "replicates": 2,
        "task": { "type": "line-drawing", "steps": 6, "targets": 3, "radius": 10, "stayClass": true },
        "network": { "type": "tanh-rnn", "hidden": 12 },
        "training": { "epochs": 40, "batchSize": 8, "batchesPerEpoch": 4, "optimiser": { "type": "adam", "learningRate": 0.03 } },
        "rules": {
          "bptt": { "type": "bptt" },
          "tbptt-1": { "type": "bptt", "truncation": 1 }
        },
        "record": { "every": 10, "metrics": ["loss", "dysmetria"], "trajectories": false }
      }
      """;

  @TempDir
  Path dir;

  @Test
  void aShortRunWritesItAtEveryRecordedEpochAndSummarisesIt() throws IOException {
    Path file = Files.writeString(dir.resolve("dysmetria.json"), SCENARIO);
    Cli.Result result = Cli.run("run", file.toString(), "--out", dir.resolve("runs").toString());
    assertEquals(0, result.exit(), result.err());
    Path run = RunOutputsTest.onlyRunFolder(dir.resolve("runs"), "dysmetria");
    assertFalse(Files.exists(run.resolve("trajectories.csv")), "record.trajectories is false");

    Map<String, Double> values = new TreeMap<>();
    for (String line : Files.readAllLines(run.resolve("metrics.csv"))) {
      String[] f = line.split(",");
      if (f[4].equals("dysmetria")) {
        values.put(f[0] + "," + f[1] + "," + f[3], Double.parseDouble(f[5]));
      }
    }
    assertEquals(2 * 2 * 5, values.size(), "2 rules x 2 replicates x epochs 1, 10, 20, 30, 40: " + values.keySet());
    values.forEach((key, value) -> assertTrue(Double.isFinite(value) && value >= 0, key + ": " + value));
    for (int replicate = 1; replicate <= 2; replicate++) {
      double first = values.get("bptt," + replicate + ",1");
      double last = values.get("bptt," + replicate + ",40");
      assertTrue(last < first / 10, "BPTT learns to draw the lines: dysmetria " + first + " at epoch 1, " + last + " at 40");
    }
    String paired = Files.readAllLines(run.resolve("summary.csv")).stream()
        .filter(l -> l.startsWith("dysmetria,tbptt-1,train,2,")).findFirst().orElseThrow();
    assertEquals("2", paired.split(",")[9], "n_pairs: tested against bptt, paired by replicate: " + paired);
  }
}
