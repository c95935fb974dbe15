package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diagnostics are computed only in the epochs a run writes ({@code record.every}); skipping them in
 * the others changes nothing that training computes: a run recording every third epoch writes, for
 * those epochs, exactly the rows of a run recording every epoch, diagnostics included.
 */
class RecordingIntervalTest {

  @TempDir
  Path dir;

  @Test
  void recordingFewerEpochsWritesTheSameRowsForTheEpochsItRecords() throws IOException {
    Path scenario = Path.of("src/test/resources/checkpointed.json");
    List<String> every = rows(scenario, "every", 1);
    List<String> third = rows(scenario, "third", 3);
    Set<String> thirdEpochs = third.stream().map(RecordingIntervalTest::epoch).collect(Collectors.toSet());
    assertEquals(Set.of("1", "3", "4", "5", "6", "8"), thirdEpochs,
        "epochs 3 and 6, and each phase's first and last (phases of 4)");
    List<String> expected = every.stream().filter(row -> thirdEpochs.contains(epoch(row))).toList();
    assertEquals(expected, third);
    assertTrue(third.stream().anyMatch(row -> row.contains(",alignment,")), "a diagnostic is among them");
  }

  private List<String> rows(Path scenario, String name, int every) throws IOException {
    Path out = dir.resolve(name);
    Cli.Result result = Cli.run("run", scenario.toString(), "--out", out.toString(), "--set", "record.every=" + every);
    assertEquals(0, result.exit(), result.err());
    try (Stream<Path> runs = Files.list(out.resolve("checkpointed"))) {
      Path run = runs.findFirst().orElseThrow();
      return Files.readAllLines(run.resolve("metrics.csv")).stream().skip(1).toList();
    }
  }

  /** The epoch column of a metrics.csv row: rule,replicate,phase,epoch,metric,value. */
  private static String epoch(String row) {
    return row.split(",")[3];
  }
}
