package org.ccsim.core.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.scenario.Scenario;
import org.ccsim.core.scenario.ScenarioWriter;

/**
 * The checkpoints of a run folder: one {@link CheckpointFile} per (rule, replicate) at
 * {@code checkpoints/RULE/replicate-R.zip}, each replaced atomically by the next, so a kill at any
 * moment leaves the previous one whole. Every checkpoint names the digest of its scenario, and one
 * written for another scenario is refused.
 */
public final class Checkpoints {

  private final RunFolder folder;
  private final String scenario;

  public Checkpoints(RunFolder folder, BuiltScenario built) {
    this.folder = folder;
    this.scenario = digest(built);
  }

  /**
   * The digest of {@code built}'s scenario as it runs: SHA-256 of its resolved JSON without seeds and without
   * {@code summary}, which changes what the reports measure, not the run (so a run started before the block
   * existed resumes).
   */
  public static String digest(BuiltScenario built) {
    ObjectNode json = ScenarioWriter.toJson(built.scenario(), Map.of());
    json.remove("summary");
    built.resolutions().applyTo(json);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The digest every checkpoint of this run carries. */
  public String scenario() {
    return scenario;
  }

  /** Writes (or replaces) the checkpoint of its unit. */
  public void save(Checkpoint checkpoint) {
    try {
      folder.write(relative(checkpoint.rule(), checkpoint.replicate()), CheckpointFile.encode(checkpoint));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint of rule " + checkpoint.rule() + ", replicate "
          + checkpoint.replicate(), e);
    }
  }

  /**
   * The last checkpoint of a unit, if it has one.
   *
   * @throws IOException if the file cannot be read or belongs to another scenario or unit
   */
  public Optional<Checkpoint> load(String rule, int replicate) throws IOException {
    Optional<Checkpoint> found = read(folder, rule, replicate);
    if (found.isEmpty()) {
      return found;
    }
    Checkpoint checkpoint = found.get();
    Path file = folder.path().resolve(relative(rule, replicate));
    if (!checkpoint.scenario().equals(scenario)) {
      throw new IOException(file + ": was written for another scenario (digest " + checkpoint.scenario()
          + ", this run's is " + scenario + "); was scenario.resolved.json edited?");
    }
    return Optional.of(checkpoint);
  }

  /**
   * The last checkpoint of a unit in {@code folder}, if it has one, whatever scenario it was written
   * for: to say how far the unit got ({@code ccsim status}) without building the run.
   *
   * @throws IOException if the file cannot be read or belongs to another unit
   */
  public static Optional<Checkpoint> read(RunFolder folder, String rule, int replicate) throws IOException {
    Path file = folder.path().resolve(relative(rule, replicate));
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Checkpoint checkpoint = CheckpointFile.decode(file.toString(), Files.readAllBytes(file));
    if (!checkpoint.rule().equals(rule) || checkpoint.replicate() != replicate) {
      throw new IOException(file + ": holds rule " + checkpoint.rule() + ", replicate " + checkpoint.replicate());
    }
    return Optional.of(checkpoint);
  }

  /** The last checkpoint of every unit of {@code scenario} that has one, by {@link Checkpoint#key}. */
  public Map<String, Checkpoint> loadAll(Scenario scenario) throws IOException {
    Map<String, Checkpoint> all = new LinkedHashMap<>();
    for (int replicate = 1; replicate <= scenario.replicates(); replicate++) {
      for (String rule : scenario.trainedRules()) {
        Optional<Checkpoint> checkpoint = load(rule, replicate);
        if (checkpoint.isPresent()) {
          all.put(Checkpoint.key(rule, replicate), checkpoint.get());
        }
      }
    }
    return all;
  }

  private static String relative(String rule, int replicate) {
    return "checkpoints/" + rule + "/replicate-" + replicate + ".zip";
  }
}
