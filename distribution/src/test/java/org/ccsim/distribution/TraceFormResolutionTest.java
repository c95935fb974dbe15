package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code "traceForm": "auto"} is resolved while the scenario is built, the choice is written into
 * {@code scenario.resolved.json}, and running that file repeats the run's metrics byte for byte.
 */
class TraceFormResolutionTest {

  @TempDir
  Path out;

  @Test
  void theCostModelsChoiceIsRecordedAndRerunsIdentically() throws IOException {
    Path first = run(out.resolve("first"), Cli.scenarios().resolve("bp-lambda-alignment.json"),
        "--set", "training.epochs=1", "--set", "rules.bp-1.traceForm=auto");
    JsonNode resolved = new ObjectMapper().readTree(first.resolve("scenario.resolved.json").toFile());
    // n = 30, P = 930, T = 10: the history form costs 5.5 (900 + 930) against 900 x 930 for the trace
    assertEquals("history", resolved.at("/rules/bp-1/traceForm").asText());

    Path again = run(out.resolve("again"), first.resolve("scenario.resolved.json"));
    assertEquals(Files.readString(first.resolve("metrics.csv")), Files.readString(again.resolve("metrics.csv")));
  }

  private static Path run(Path folder, Path scenario, String... sets) throws IOException {
    String[] args = new String[7 + sets.length];
    String[] fixed = {"run", scenario.toString(), "--out", folder.toString(), "--replicates", "1", "--threads=2"};
    System.arraycopy(fixed, 0, args, 0, fixed.length);
    System.arraycopy(sets, 0, args, fixed.length, sets.length);
    Cli.Result result = Cli.run(args);
    assertEquals(0, result.exit(), result.err());
    try (var folders = Files.list(folder.resolve("bp-lambda-alignment"))) {
      return folders.findFirst().orElseThrow();
    }
  }
}
