package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario on a real dataset end to end (issue 17): {@code sequential-image} on a subset of
 * Fashion-MNIST from Debian's folder trains in one pass per epoch, records accuracy and the held-out
 * test metrics, and writes the dataset files' SHA-256 into {@code provenance.json}; a dataset folder
 * that is missing or holds a corrupt file is refused with exit 2, naming the JSON path and the file.
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
    assertEquals(4, dataset.path("sha256").size(), dataset.toString());
    dataset.path("sha256").forEach(digest -> assertTrue(digest.asText().matches("[0-9a-f]{64}"), digest.asText()));
    assertTrue(dataset.path("sha256").has("train-images-idx3-ubyte.gz"), dataset.toString());
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
}
