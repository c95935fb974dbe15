package org.ccsim.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.results.RunFolder;
import org.ccsim.core.results.RunRecorder;
import org.ccsim.core.run.UnitId;

/**
 * A run whose units are trained by separate processes ({@code ccsim run --prepare}, then one
 * {@code ccsim work RUN_DIR --shard I/N} per shard, then {@code ccsim report RUN_DIR}). Each shard
 * process writes its units' files, as a one-machine run does, and a record of itself under
 * {@code shards/} (host, job, times, status and the seeds it derived); merging them gives the files a
 * one-machine run writes, byte for byte, and a {@code provenance.json} that lists the shards.
 */
final class ShardedRun {

  /** The status of a prepared run folder's provenance until its units are merged. */
  static final String PREPARED = "prepared";
  private static final String SHARDS = "shards";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ShardedRun() {
  }

  /** Marks {@code folder} as a run whose units are trained in shards. */
  static void markSharded(RunFolder folder) throws IOException {
    Files.createDirectories(folder.path().resolve(SHARDS));
  }

  /** Marks {@code folder} as a sharded run and prints how to train and merge it. */
  static int prepared(BuiltScenario built, RunFolder folder) throws IOException {
    markSharded(folder);
    int units = UnitId.all(built.scenario()).size();
    String dir = RunCommand.quoted(folder.path().toString());
    String command = System.getProperty("ccsim.command", "ccsim");
    System.out.printf("ccsim: prepared %s: %d unit(s) -> %s%n", built.scenario().name(), units, folder.path());
    System.out.printf("train them with %s work %s --shard I/N for I = 1..N (N of your choice, at most %d useful;"
        + " each on any machine that shares the folder), then merge with %s report %s%n", command, dir, units, command,
        dir);
    return Main.OK;
  }

  /** Whether {@code folder} holds a sharded run. */
  static boolean isSharded(Path folder) {
    return Files.isDirectory(folder.resolve(SHARDS));
  }

  /** Where shard {@code index} of {@code count} keeps its record, relative to the run folder. */
  static String shardRecord(int index, int count) {
    return SHARDS + "/shard-" + index + "-of-" + count + ".json";
  }

  /** Writes shard {@code index} of {@code count}'s record. */
  static void writeShard(RunFolder folder, int index, int count, ObjectNode record) throws IOException {
    folder.write(shardRecord(index, count), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(record) + "\n");
  }

  /**
   * Merges the units' files into the run's ({@link RunRecorder#merge}), with every seed the preparation
   * and the shards derived, and records the outcome in {@code provenance.json}.
   *
   * @return the run's status: {@code completed} when every unit has finished, else {@code incomplete}
   */
  static String merge(BuiltScenario built, RunFolder folder) throws IOException {
    Path path = folder.path();
    List<ObjectNode> shards = shardRecords(path);
    Map<String, Long> seeds = new TreeMap<>();
    JSON.readTree(path.resolve(StoredScenario.RESOLVED).toFile()).path("derivedSeeds").properties()
        .forEach(seed -> seeds.put(seed.getKey(), seed.getValue().asLong()));
    shards.forEach(shard -> shard.path("derivedSeeds").properties()
        .forEach(seed -> seeds.put(seed.getKey(), seed.getValue().asLong())));
    RunRecorder recorder = new RunRecorder(folder, built, seeds);
    recorder.merge();
    boolean complete = UnitId.all(built.scenario()).stream().allMatch(u -> RunRecorder.finished(folder, u.rule(), u.replicate()));
    String status = complete ? "completed" : "incomplete";
    ObjectNode provenance = (ObjectNode) JSON.readTree(path.resolve(StoredScenario.PROVENANCE).toFile());
    provenance.put("status", status);
    ArrayNode listed = provenance.putArray(SHARDS);
    shards.forEach(shard -> listed.add(shard.deepCopy().without("derivedSeeds")));
    recorder.writeProvenance(provenance);
    return status;
  }

  private static List<ObjectNode> shardRecords(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder.resolve(SHARDS))) {
      List<Path> sorted = files.filter(f -> f.getFileName().toString().matches("shard-\\d+-of-\\d+\\.json")).sorted()
          .toList();
      List<ObjectNode> records = new ArrayList<>();
      for (Path file : sorted) {
        JsonNode record = JSON.readTree(file.toFile());
        if (record instanceof ObjectNode object) {
          records.add(object);
        }
      }
      return records;
    }
  }
}
