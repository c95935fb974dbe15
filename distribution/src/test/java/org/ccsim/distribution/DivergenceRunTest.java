package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: a rule forced to diverge (its synthesiser's learning rate is 1e300) is recorded as
 * diverged in every replicate, while every other rule's results are those of the same scenario
 * without it; the run succeeds unless {@code --fail-on-divergence} is given. Issue 16: a loss that
 * explodes while staying finite (Adam with learning rate 1e6) is a divergence too.
 */
class DivergenceRunTest {

  private static final String HOT_RULE =
      "rules.hot={\"type\": \"bp-lambda\", \"synthOptimiser\": {\"type\": \"sgd\", \"learningRate\": 1e300}}";

  @TempDir
  Path out;

  private static Cli.Result quickstart(Path root, String... extra) {
    List<String> args = new ArrayList<>(List.of("run", Cli.scenarios().resolve("quickstart.json").toString(), "--out",
        root.toString(), "--threads", "2", "--replicates", "2", "--set", "training.epochs=3", "--set", "record.every=1"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  /** The lines of a file that do not mention the hot rule. */
  private static List<String> withoutHot(Path file) throws IOException {
    return Files.readAllLines(file).stream().filter(l -> !l.startsWith("hot,") && !l.startsWith("| hot |")).toList();
  }

  @Test
  void theDivergedRuleIsRecordedAndTheOthersAreUntouched() throws IOException {
    Cli.Result plain = quickstart(out.resolve("plain"));
    Cli.Result hot = quickstart(out.resolve("hot"), "--set", HOT_RULE);
    assertEquals(0, plain.exit(), plain.err());
    assertEquals(0, hot.exit(), "a divergence is an outcome, not a failure: " + hot.err());
    Path plainRun = RunOutputsTest.onlyRunFolder(out.resolve("plain"));
    Path hotRun = RunOutputsTest.onlyRunFolder(out.resolve("hot"));

    List<String> divergences = Files.readAllLines(hotRun.resolve("divergences.csv"));
    assertEquals("rule,replicate,phase,epoch,batch,step,quantity", divergences.get(0));
    assertEquals(3, divergences.size(), divergences.toString());
    for (int replicate = 1; replicate <= 2; replicate++) {
      assertTrue(divergences.get(replicate).startsWith("hot," + replicate + ",train,1,"), divergences.toString());
      assertTrue(hot.err().contains("diverged, stopped: hot replicate " + replicate + ": "), hot.err());
    }
    assertTrue(Files.notExists(plainRun.resolve("divergences.csv")));

    assertEquals(Files.readAllLines(plainRun.resolve("metrics.csv")), withoutHot(hotRun.resolve("metrics.csv")),
        "every other rule's metrics, byte for byte");
    String summary = Files.readString(hotRun.resolve("summary.md"));
    assertTrue(summary.startsWith("### Diverged\n"), summary);
    for (String rule : List.of("bptt", "tbptt-1", "tbptt-3")) {
      List<String> plainRows = Files.readAllLines(plainRun.resolve("summary.md")).stream()
          .filter(l -> l.startsWith("| " + rule + " |")).toList();
      assertEquals(plainRows, withoutHot(hotRun.resolve("summary.md")).stream()
          .filter(l -> l.startsWith("| " + rule + " |")).toList(), rule);
    }

    Cli.Result report = Cli.run("report", hotRun.toString());
    assertEquals(0, report.exit(), report.err());
    assertEquals(summary, report.out(), "ccsim report re-renders the same summary from the files");
  }

  @Test
  void failOnDivergenceExitsOneWithTheResultsWritten() throws IOException {
    Cli.Result hot = quickstart(out, "--set", HOT_RULE, "--fail-on-divergence");

    assertEquals(1, hot.exit(), hot.err());
    Path run = RunOutputsTest.onlyRunFolder(out);
    for (String file : List.of("divergences.csv", "metrics.csv", "summary.md", "plots/loss.png")) {
      assertTrue(Files.size(run.resolve(file)) > 0, file);
    }
  }

  @Test
  void aDivergenceIsFinalWhenTheRunIsResumed() throws IOException {
    assertEquals(0, quickstart(out, "--set", HOT_RULE).exit());
    Path run = RunOutputsTest.onlyRunFolder(out);
    String divergences = Files.readString(run.resolve("divergences.csv"));
    String metrics = Files.readString(run.resolve("metrics.csv"));

    Cli.Result resumed = Cli.run("run", "--resume", run.toString(), "--fail-on-divergence");

    assertEquals(1, resumed.exit(), "the diverged units are still reported: " + resumed.err());
    assertTrue(resumed.out().contains("is complete (8 unit(s)): nothing to resume"), resumed.out());
    assertEquals(divergences, Files.readString(run.resolve("divergences.csv")));
    assertEquals(metrics, Files.readString(run.resolve("metrics.csv")));
  }

  @Test
  void aLossThatExplodesWhileFiniteIsADivergence() throws IOException {
    Cli.Result hot = quickstart(out, "--set", "training.optimiser.learningRate=1e6", "--fail-on-divergence");

    assertEquals(1, hot.exit(), hot.err());
    List<String> divergences = Files.readAllLines(RunOutputsTest.onlyRunFolder(out).resolve("divergences.csv"));
    assertEquals(1 + 3 * 2, divergences.size(), "every unit: " + divergences);
    for (String line : divergences.subList(1, divergences.size())) {
      assertTrue(line.matches("[a-z0-9-]+,[12],train,1,\\d+,,loss \\S+ \\(over 1\\.00e\\+06 × the first batch's \\S+\\)"), line);
    }
    assertTrue(hot.err().contains("diverged, stopped: bptt replicate 1: loss "), hot.err());
  }

  @Test
  void theExplosionBoundIsAScenarioSetting() throws IOException {
    Cli.Result loose = quickstart(out, "--set", "training.optimiser.learningRate=1e6", "--set",
        "training.lossExplosion=1e300");

    assertEquals(0, loose.exit(), loose.err());
    assertTrue(Files.notExists(RunOutputsTest.onlyRunFolder(out).resolve("divergences.csv")),
        "a bound of 1e300 lets a loss of 1e14 through");
    Cli.Result bad = Cli.run("validate", Cli.scenarios().resolve("quickstart.json").toString(), "--set",
        "training.lossExplosion=0.5");
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(bad.err().contains("$.training.lossExplosion: must be >= 1 (got 0.5)"), bad.err());
  }
}
