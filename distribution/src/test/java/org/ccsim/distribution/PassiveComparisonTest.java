package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The passive comparison ({@code compare: {leader, every}}): followers compute their estimates on the
 * leader's batch and weights, the leader trains exactly as it would alone, and an estimate in passive
 * mode is the gradient the rule hands over when it leads on the same batch.
 */
class PassiveComparisonTest {

  private static final String SCENARIO = """
      {
        "scenario": "NAME",
        "seed": 11,
        "task": { "type": "line-drawing", "steps": 6, "targets": 3, "radius": 10, "targetEvery": 2 },
        "network": { "type": "tanh-rnn", "hidden": 6 },
        "training": { "epochs": 3, "batchSize": 4, "optimiser": { "type": "adam", "learningRate": 0.01 } },
        "rules": { RULES },
        COMPARE
        "record": { "every": 1, "metrics": ["loss"] }
      }
      """;

  private static final Map<String, String> RULES = Map.of(
      "tbptt-1", "\"tbptt-1\": { \"type\": \"bptt\", \"truncation\": 1 }",
      "bptt", "\"bptt\": { \"type\": \"bptt\" }",
      "dni", "\"dni\": { \"type\": \"dni\", \"truncation\": 2 }",
      "bp-lambda", "\"bp-lambda\": { \"type\": \"bp-lambda\", \"lambda\": 0.5 }",
      "rtrl", "\"rtrl\": { \"type\": \"rtrl\" }");

  @TempDir
  Path dir;

  @Test
  void leaderTrainsAsAloneAndFollowersMatchLeading() throws IOException {
    List<String> withFollowers = run("all", "tbptt-1", List.of("tbptt-1", "bptt", "dni", "bp-lambda", "rtrl"));
    List<String> alone = run("alone", null, List.of("tbptt-1"));
    List<String> dniLeading = run("dni-leads", "dni", List.of("dni", "bptt"));

    List<String> leaderRows = rows(withFollowers, "tbptt-1", "loss");
    assertEquals(3, leaderRows.size());
    assertEquals(rows(alone, "tbptt-1", "loss"), leaderRows, "the leader's rows, byte for byte");
    assertTrue(rows(withFollowers, "bptt", "loss").isEmpty(), "followers do not train, so they have no loss");

    for (String metric : List.of("gradient-alignment", "gradient-norm-ratio", "cosine/bptt")) {
      double following = value(withFollowers, "dni", metric, 1);
      double leading = value(dniLeading, "dni", metric, 1);
      assertEquals(leading, following, 1e-12 * Math.abs(leading), "dni's " + metric + " at epoch 1, leading or following");
    }
    for (int epoch = 1; epoch <= 3; epoch++) {
      assertEquals(1, value(withFollowers, "bptt", "gradient-alignment", epoch), 1e-12);
      assertEquals(1, value(withFollowers, "bptt", "gradient-norm-ratio", epoch), 1e-12);
      assertEquals(1, value(withFollowers, "rtrl", "gradient-alignment", epoch), 1e-9, "identity 7 on the leader's weights");
      assertEquals(1, value(withFollowers, "rtrl", "cosine/bptt", epoch), 1e-9);
      double tbptt = value(withFollowers, "tbptt-1", "gradient-alignment", epoch);
      assertTrue(tbptt < 1 - 1e-6, "BPTT(1) is not BPTT's gradient: " + tbptt);
      assertEquals(tbptt, value(withFollowers, "tbptt-1", "cosine/bptt", epoch), 1e-12);
      assertEquals(value(withFollowers, "dni", "cosine/bp-lambda", epoch),
          value(withFollowers, "bp-lambda", "cosine/dni", epoch), 1e-15, "the matrix is symmetric");
    }

    Path all = folder("all");
    List<String> matrix = Files.readAllLines(all.resolve("alignment-matrix.csv"));
    assertEquals("phase,epoch,rule,other,cosine,replicates", matrix.get(0));
    assertEquals(1 + 3 * 5 * 4, matrix.size(), "every ordered pair of 5 rules at 3 epochs");
    String rtrlWithBptt = matrix.stream().filter(l -> l.startsWith("train,3,rtrl,bptt,")).findFirst().orElseThrow();
    assertEquals(1, Double.parseDouble(rtrlWithBptt.split(",")[4]), 1e-9);
    assertTrue(Files.size(all.resolve("plots/alignment-matrix.png")) > 0);
    assertTrue(Files.readString(all.resolve("report.html")).contains("plots/alignment-matrix.png"));
    assertTrue(Files.readAllLines(all.resolve("summary.csv")).stream().noneMatch(l -> l.contains("cosine/")),
        "the matrix's cells are left out of the summary");
    assertTrue(Files.notExists(all.resolve("plots/cosine")) && Files.notExists(all.resolve("plots/cosine/bptt.png")));
  }

  /** The rows of metrics.csv of a run of the scenario with {@code rules}, led by {@code leader} ({@code null}: no compare). */
  private List<String> run(String name, String leader, List<String> rules) throws IOException {
    String json = SCENARIO.replace("NAME", name)
        .replace("RULES", String.join(", ", rules.stream().map(RULES::get).toList()))
        .replace("COMPARE", leader == null ? "" : "\"compare\": { \"leader\": \"" + leader + "\", \"every\": 1 },");
    Path file = Files.writeString(dir.resolve(name + ".json"), json);
    Cli.Result result = Cli.run("run", file.toString(), "--out", dir.resolve("runs").toString());
    assertEquals(0, result.exit(), result.err());
    return Files.readAllLines(folder(name).resolve("metrics.csv"));
  }

  private Path folder(String name) throws IOException {
    try (Stream<Path> runs = Files.list(dir.resolve("runs").resolve(name))) {
      return runs.findFirst().orElseThrow();
    }
  }

  private static List<String> rows(List<String> lines, String rule, String metric) {
    return lines.stream().filter(l -> l.startsWith(rule + ",") && l.split(",")[4].equals(metric)).toList();
  }

  private static double value(List<String> lines, String rule, String metric, int epoch) {
    Map<Integer, Double> byEpoch = new TreeMap<>();
    rows(lines, rule, metric).forEach(l -> byEpoch.put(Integer.parseInt(l.split(",")[3]), Double.parseDouble(l.split(",")[5])));
    assertTrue(byEpoch.containsKey(epoch), rule + " has no " + metric + " at epoch " + epoch + " in " + lines);
    return byEpoch.get(epoch);
  }
}
