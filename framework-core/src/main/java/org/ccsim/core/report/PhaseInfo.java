package org.ccsim.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a report needs to know of a phase, read back from a run's {@code scenario.resolved.json}.
 *
 * @param epochsBefore epochs of the phases before it (its first epoch is {@code epochsBefore + 1})
 * @param perturbation the perturbation's resolved JSON, or {@code null} for none; equal text means
 *     the same perturbation
 */
public record PhaseInfo(String name, int epochsBefore, int epochs, String perturbation) {

  /** The phases of a resolved scenario file, in order. */
  public static List<PhaseInfo> read(Path resolvedScenario) throws IOException {
    JsonNode phases = new ObjectMapper().readTree(resolvedScenario.toFile()).path("phases");
    if (!phases.isArray()) {
      throw new IOException(resolvedScenario + ": no phases (not a resolved ccsim scenario)");
    }
    List<PhaseInfo> infos = new ArrayList<>();
    int before = 0;
    for (JsonNode phase : phases) {
      int epochs = phase.path("epochs").asInt();
      JsonNode perturbation = phase.get("perturbation");
      infos.add(new PhaseInfo(phase.path("name").asText(), before, epochs,
          perturbation == null ? null : perturbation.toString()));
      before += epochs;
    }
    return infos;
  }
}
