package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code openblas} backend of plugin compute-openblas through the real CLI and plugin JAR: a short
 * {@code line-drawing-synthetic.json} (BP(1) in the trace form, one product through gemm per example
 * and step, and in the history form, through gemv; DNI; BPTT) gives the metrics of the pure-Java
 * backend to rounding; where the natives cannot load, the run stops with exit 2 before anything is
 * written and the message names the fallback.
 */
class ComputeBackendTest {

  /** JavaCPP's platform override, read when a plugin class loader first loads JavaCPP. */
  private static final String PLATFORM = "org.bytedeco.javacpp.platform";

  @TempDir
  Path out;

  private Cli.Result run(Path root, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("run",
        Cli.scenarios().resolve("line-drawing-synthetic.json").toString(), "--out", root.toString(),
        "--replicates", "1", "--set", "training.epochs=2", "--set", "training.batchesPerEpoch=2",
        "--set", "record.every=1", "--set", "rules.bp-lambda.traceForm=trace",
        "--set", "rules.bp-history={\"type\": \"bp-lambda\", \"lambda\": 0.9, \"traceForm\": \"history\"}"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  private static Path onlyRun(Path root) throws IOException {
    try (var folders = Files.list(root.resolve("line-drawing-synthetic"))) {
      return folders.findFirst().orElseThrow();
    }
  }

  @Test
  void openBlasGivesTheMetricsOfTheJavaBackendToRounding() throws IOException {
    Cli.Result java = run(out.resolve("java"), "--set", "compute.type=java");
    assertEquals(0, java.exit(), java.err());
    Cli.Result blas = run(out.resolve("openblas"), "--set", "compute.type=openblas");
    assertEquals(0, blas.exit(), blas.err());

    Path blasRun = onlyRun(out.resolve("openblas"));
    assertEquals("openblas", new ObjectMapper().readTree(blasRun.resolve("scenario.resolved.json").toFile())
        .at("/compute/type").asText());
    List<String> expected = Files.readAllLines(onlyRun(out.resolve("java")).resolve("metrics.csv"));
    List<String> actual = Files.readAllLines(blasRun.resolve("metrics.csv"));
    assertEquals(expected.size(), actual.size());
    assertTrue(expected.stream().anyMatch(l -> l.startsWith("bp-history,1,train,2,update-alignment,")));
    for (int i = 1; i < expected.size(); i++) {
      String[] e = expected.get(i).split(",");
      String[] a = actual.get(i).split(",");
      assertEquals(String.join(",", List.of(e).subList(0, 5)), String.join(",", List.of(a).subList(0, 5)));
      double x = Double.parseDouble(e[5]);
      double y = Double.parseDouble(a[5]);
      assertEquals(x, y, 1e-9 * Math.abs(x), expected.get(i) + " vs " + actual.get(i));
    }
  }

  @Test
  void withoutNativesForThePlatformTheRunStopsAndNamesTheJavaFallback() {
    String before = System.getProperty(PLATFORM);
    System.setProperty(PLATFORM, "linux-arm64");
    try {
      Cli.Result result = run(out, "--set", "compute.type=openblas");
      assertEquals(2, result.exit(), result.out() + result.err());
      assertTrue(result.err().contains("line-drawing-synthetic.json: $.compute.type: cannot use OpenBLAS on this "
          + "machine: no OpenBLAS natives for platform linux-arm64"), result.err());
      assertTrue(result.err().contains("\"compute\": {\"type\": \"java\"}"), result.err());
      assertFalse(Files.exists(out.resolve("line-drawing-synthetic")), "nothing is written");
    } finally {
      if (before == null) {
        System.clearProperty(PLATFORM);
      } else {
        System.setProperty(PLATFORM, before);
      }
    }
  }
}
