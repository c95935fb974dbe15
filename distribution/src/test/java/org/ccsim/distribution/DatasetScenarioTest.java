package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario on a real dataset end to end (issue 17): {@code sequential-image} on a subset of
 * Fashion-MNIST from Debian's folder trains in one pass per epoch, records accuracy and the held-out
 * test metrics, and writes the dataset files' SHA-256 into {@code provenance.json}; a dataset folder
 * is searched for in {@code --data}, then {@code CCSIM_DATA}, then {@code /usr/share/datasets}, and one
 * that is missing or holds a corrupt file is refused with exit 2, naming the JSON path and the file;
 * a run whose dataset changed since it started is not carried on, by a resume or by a shard.
 */
class DatasetScenarioTest {

  private static final String SCENARIO = """
      {
        "scenario": "fashion-subset",
        "seed": 5,
        "task": { "type": "sequential-image", "trainExamples": 100, "testExamples": 40DATA },
        "network": { "type": "tanh-rnn", "hidden": 8 },
        "training": { "epochs": 2, "batchSize": 10 },
        "rules": { "bptt": { "type": "bptt" } },
        "evaluation": { "examples": 40 }
      }
      """;

  @TempDir
  Path dir;

  private Path scenario(String data) throws IOException {
    return Files.writeString(dir.resolve("fashion.json"),
        SCENARIO.replace("DATA", data == null ? "" : ", \"data\": \"" + data + "\""));
  }

  @Test
  void aSubsetOfFashionMnistTrainsAndIsEvaluatedWithItsFilesDigestsInTheProvenance() throws IOException {
    Path out = dir.resolve("runs");
    Cli.Result result = Cli.run("run", scenario(null).toString(), "--out", out.toString(), "--threads", "1");
    assertEquals(0, result.exit(), result.err());
    Path run = RunOutputsTest.onlyRunFolder(out, "fashion-subset");
    List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
    for (String metric : List.of("loss", "accuracy", "test-loss", "test-accuracy")) {
      assertEquals(2, metrics.stream().filter(line -> line.split(",")[4].equals(metric)).count(),
          metric + " at both epochs in " + metrics);
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode resolved = json.readTree(run.resolve("scenario.resolved.json").toFile());
    assertEquals(10, resolved.at("/training/batchesPerEpoch").asInt(), "one pass of 100 examples in batches of 10");
    assertEquals("fashion-mnist", resolved.at("/task/data").asText(), "the folder as named, for another machine");
    JsonNode dataset = json.readTree(run.resolve("provenance.json").toFile()).at("/datasets/fashion-mnist");
    assertEquals("/usr/share/datasets/fashion-mnist", dataset.path("folder").asText());
    Map<String, String> recorded = new TreeMap<>();
    dataset.path("sha256").properties().forEach(e -> recorded.put(e.getKey(), e.getValue().asText()));
    assertEquals(sha256s(Path.of("/usr/share/datasets/fashion-mnist")), recorded);
  }

  /** The SHA-256 of every file in {@code folder}, computed here, by name. */
  private static Map<String, String> sha256s(Path folder) throws IOException {
    Map<String, String> digests = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        try {
          digests.put(file.getFileName().toString(),
              HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        } catch (NoSuchAlgorithmException e) {
          throw new AssertionError(e);
        }
      }
    }
    assertEquals(4, digests.size(), "Debian's dataset-fashion-mnist installs four files: " + digests.keySet());
    return digests;
  }

  @Test
  void aFolderMissingFromTheSearchPathIsRefusedWithTheFoldersSearched() throws IOException {
    Path extra = Files.createDirectories(dir.resolve("extra"));
    Path file = scenario("no-such-dataset");
    Cli.Result result = Cli.run("validate", file.toString(), "--data", extra.toString());
    assertEquals(2, result.exit(), result.err());
    assertTrue(result.err().startsWith(file + ": $.task.data: no folder 'no-such-dataset' on the data search path ("
        + extra), result.err());
    assertTrue(result.err().contains("/usr/share/datasets"), result.err());
  }

  @Test
  void theFoldersOfCcsimDataAreSearchedAfterThoseOfData() throws Exception {
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    Path extra = Files.createDirectories(dir.resolve("extra"));
    Path file = scenario("no-such-dataset");
    LauncherTest.Output result = LauncherTest.ccsim(Map.of("CCSIM_DATA", first + File.pathSeparator + second),
        "validate", file.toString(), "--data", extra.toString());
    assertEquals(2, result.exit(), result.err());
    assertTrue(result.err().startsWith(file + ": $.task.data: no folder 'no-such-dataset' on the data search path ("
        + extra + ", " + first + ", " + second + ", /usr/share/datasets)"), result.err());
  }

  @Test
  void aCorruptFileInADataFolderIsRefusedNamingTheFile() throws IOException {
    Path tiny = Files.createDirectories(dir.resolve("datasets").resolve("tiny"));
    for (String name : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
        "t10k-labels-idx1-ubyte")) {
      Files.writeString(tiny.resolve(name), "not IDX");
    }
    Path file = scenario("tiny");
    Cli.Result result = Cli.run("run", file.toString(), "--data", dir.resolve("datasets").toString(),
        "--out", dir.resolve("runs").toString());
    assertEquals(2, result.exit(), result.err());
    assertTrue(result.err().contains("$.task.data: " + tiny.toRealPath().resolve("train-images-idx3-ubyte")
        + ": bad magic number 0x6e6f7420"), result.err());
    assertTrue(Files.notExists(dir.resolve("runs")), "nothing written for a refused scenario");
  }

  @Test
  void aRunWhoseDatasetChangedIsNotCarriedOnByAResumeOrAShard() throws IOException {
    Path datasets = dir.resolve("datasets");
    Path copy = Files.createDirectories(datasets.resolve("fashion-mnist"));
    try (Stream<Path> files = Files.list(Path.of("/usr/share/datasets/fashion-mnist"))) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    String searched = datasets.toString();
    Cli.Result ran = Cli.run("run", scenario(null).toString(), "--data", searched, "--out", dir.resolve("ran").toString(),
        "--threads", "1");
    assertEquals(0, ran.exit(), ran.err());
    Cli.Result prepared = Cli.run("run", scenario(null).toString(), "--data", searched, "--prepare", "--out",
        dir.resolve("prepared").toString());
    assertEquals(0, prepared.exit(), prepared.err());
    relabelTheLastTestExample(copy.resolve("t10k-labels-idx1-ubyte.gz"));

    String changed = "the dataset 'fashion-mnist' in " + copy.toRealPath() + " is not the one the run started with: "
        + "t10k-labels-idx1-ubyte.gz has SHA-256 ";
    Cli.Result resumed = Cli.run("run", "--resume", RunOutputsTest.onlyRunFolder(dir.resolve("ran"), "fashion-subset")
        .toString(), "--data", searched);
    assertEquals(2, resumed.exit(), resumed.out());
    assertTrue(resumed.err().contains("cannot resume: " + changed), resumed.err());
    Cli.Result worked = Cli.run("work", RunOutputsTest.onlyRunFolder(dir.resolve("prepared"), "fashion-subset")
        .toString(), "--shard", "1/1", "--data", searched);
    assertEquals(2, worked.exit(), worked.out());
    assertTrue(worked.err().contains("ccsim work: " + changed), worked.err());
  }

  /** Rewrites a gzipped IDX label file with its last label moved to the next class: still valid, other data. */
  private static void relabelTheLastTestExample(Path labels) throws IOException {
    byte[] bytes;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(labels))) {
      bytes = in.readAllBytes();
    }
    bytes[bytes.length - 1] = (byte) ((bytes[bytes.length - 1] + 1) % 10);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(labels))) {
      out.write(bytes);
    }
  }
}
