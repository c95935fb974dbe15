package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: every bundled rule trains the {@code lstm} cortex through the plugins, as it trains
 * {@code tanh-rnn}: full and truncated BPTT, DNI with an MLP and with the cerebellum, BP(lambda) in its
 * trace and history forms and per step, and lambda-SG. The two BP(lambda) forms and the offline
 * lambda-SG are three views of one update (ALGORITHMS §6), so their losses agree, and full BPTT's
 * update is the BPTT gradient itself ({@code update-alignment} 1).
 */
class LstmRulesTest {

  @TempDir
  Path out;

  @Test
  void everyRuleTrainsTheLstm() throws IOException {
    Cli.Result run = Cli.run("run", Path.of("src/test/resources/lstm-every-rule.json").toString(), "--out",
        out.toString(), "--threads", "2");

    assertEquals(0, run.exit(), run.err());
    Path folder = RunOutputsTest.onlyRunFolder(out, "lstm-every-rule");
    assertTrue(Files.notExists(folder.resolve("divergences.csv")), "no rule diverged");
    Map<String, Map<String, Double>> loss = values(folder.resolve("metrics.csv"), "loss");
    assertEquals(List.of("bp-history", "bp-step", "bp-trace", "bptt", "cc", "dni", "lambda-sg", "tbptt-2"),
        List.copyOf(loss.keySet()));
    for (String view : List.of("bp-history", "lambda-sg")) {
      loss.get("bp-trace").forEach((key, value) ->
          assertEquals(value, loss.get(view).get(key), 1e-9 * Math.abs(value), view + " " + key));
    }
    values(folder.resolve("metrics.csv"), "update-alignment").get("bptt")
        .forEach((key, value) -> assertEquals(1.0, value, 1e-9, "bptt " + key));
  }

  /** Rule to (replicate/epoch to value) of one metric. */
  private static Map<String, Map<String, Double>> values(Path metrics, String metric) throws IOException {
    return Files.readAllLines(metrics).stream().skip(1).map(l -> l.split(",")).filter(f -> f[4].equals(metric))
        .collect(Collectors.groupingBy(f -> f[0], TreeMap::new,
            Collectors.toMap(f -> f[1] + "/" + f[3], f -> Double.parseDouble(f[5]))));
  }
}
