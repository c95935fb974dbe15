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
 * The README's claim about {@code scenarios/quickstart.json}, checked on the real, full run: full
 * BPTT reaches the lowest mean final loss, and every rule ends below where it started.
 */
class QuickstartResultTest {

  @TempDir
  Path out;

  @Test
  void fullBpttWinsAndEveryRuleLearns() throws IOException {
    Cli.Result result = Cli.run("run", Cli.scenarios().resolve("quickstart.json").toString(), "--out", out.toString());
    assertEquals(0, result.exit(), result.err());
    List<String[]> rows = Files.readAllLines(RunOutputsTest.onlyRunFolder(out).resolve("summary.csv")).stream()
        .skip(1).map(l -> l.split(",", -1)).filter(r -> r[15].equals("final")).toList();
    Map<String, Double> finals = rows.stream().collect(Collectors.toMap(r -> r[1], r -> Double.parseDouble(r[5])));
    Map<String, Double> starts = rows.stream().collect(Collectors.toMap(r -> r[1], r -> Double.parseDouble(r[4])));
    assertEquals(3, finals.size());
    for (String rule : finals.keySet()) {
      assertTrue(finals.get(rule) < starts.get(rule), rule + " learned: " + starts.get(rule) + " -> " + finals.get(rule));
      assertTrue(finals.get("bptt") <= finals.get(rule), "bptt " + finals.get("bptt") + " vs " + rule + " " + finals.get(rule));
    }
  }
}
