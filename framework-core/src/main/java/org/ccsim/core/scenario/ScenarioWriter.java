package org.ccsim.core.scenario;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.ccsim.api.Config;
import org.ccsim.api.DataFile;
import org.ccsim.api.DataFolder;

/**
 * Writes a {@link Scenario} back as JSON with every default filled in, plus the seeds derived from
 * the master seed ({@code derivedSeeds}). The result is itself a valid scenario: running it
 * repeats the run.
 */
public final class ScenarioWriter {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ScenarioWriter() {
  }

  /** The resolved scenario. */
  public static ObjectNode toJson(Scenario scenario, Map<String, Long> derivedSeeds) {
    ObjectNode root = JSON.objectNode();
    root.put("scenario", scenario.name());
    root.put("description", scenario.description());
    root.put("seed", scenario.seed());
    root.put("replicates", scenario.replicates());
    root.set("task", component(scenario.task()));
    root.set("network", component(scenario.network()));
    root.set("compute", component(scenario.compute()));
    ObjectNode training = root.putObject("training");
    training.put("batchSize", scenario.training().batchSize());
    if (scenario.training().batchesPerEpoch() != Scenario.Training.ONE_PASS) {
      training.put("batchesPerEpoch", scenario.training().batchesPerEpoch());
    }
    training.set("optimiser", component(scenario.training().optimiser()));
    training.put("lossExplosion", scenario.training().lossExplosion());
    if (!scenario.training().groupOptimisers().isEmpty()) {
      ObjectNode groups = training.putObject("groupOptimisers");
      scenario.training().groupOptimisers().forEach((group, config) -> groups.set(group, component(config)));
    }
    Scenario.GlobalClip clip = scenario.training().clip();
    if (clip != null) {
      ObjectNode clipNode = training.putObject("clipGlobalNorm");
      clipNode.put("maxNorm", clip.maxNorm());
      clip.groups().forEach(clipNode.putArray("groups")::add);
    }
    ObjectNode rules = root.putObject("rules");
    scenario.rules().forEach((name, config) -> rules.set(name, component(config)));
    if (!scenario.swept().isEmpty()) {
      ObjectNode swept = root.putObject("swept");
      scenario.swept().forEach((rule, values) -> {
        ObjectNode node = swept.putObject(rule);
        values.forEach((path, value) -> node.set(path, scalar(value)));
      });
    }
    var phases = root.putArray("phases");
    for (Scenario.Phase phase : scenario.phases()) {
      ObjectNode node = phases.addObject().put("name", phase.name()).put("epochs", phase.epochs());
      if (phase.perturbation() != null) {
        node.set("perturbation", component(phase.perturbation()));
      }
    }
    if (!scenario.events().isEmpty()) {
      var events = root.putArray("events");
      for (Scenario.Event event : scenario.events()) {
        ObjectNode node = events.addObject().put("phase", event.phase()).put("epoch", event.epochInPhase())
            .put("action", event.action());
        event.rules().forEach(node.putArray("rules")::add);
      }
    }
    ObjectNode record = root.putObject("record").put("every", scenario.record().every())
        .put("trajectories", scenario.record().trajectories());
    scenario.record().metrics().forEach(record.putArray("metrics")::add);
    Scenario.Evaluation evaluation = scenario.record().evaluation();
    if (evaluation != null) {
      root.putObject("evaluation").put("every", evaluation.every()).put("split", evaluation.split())
          .put("examples", evaluation.examples());
    }
    if (scenario.compare() != null) {
      root.putObject("compare").put("leader", scenario.compare().leader()).put("every", scenario.compare().every());
    }
    ObjectNode summary = root.putObject("summary");
    scenario.summary().atEpochs().forEach(summary.putArray("atEpochs")::add);
    summary.put("auc", scenario.summary().auc());
    if (!scenario.summary().landmarks().isEmpty()) {
      ObjectNode landmarks = summary.putObject("landmarks");
      scenario.summary().landmarks().forEach((metric, levels) -> {
        ObjectNode ofMetric = landmarks.putObject(metric);
        levels.forEach(ofMetric::put);
      });
    }
    root.putObject("checkpoint").put("every", scenario.checkpointEvery());
    ObjectNode seeds = root.putObject("derivedSeeds");
    derivedSeeds.forEach(seeds::put);
    return root;
  }

  private static com.fasterxml.jackson.databind.JsonNode scalar(Object value) {
    if (value instanceof Long l) {
      return JSON.numberNode(l);
    } else if (value instanceof Double d) {
      return JSON.numberNode(d);
    } else if (value instanceof Boolean b) {
      return JSON.booleanNode(b);
    }
    return JSON.textNode(value.toString());
  }

  static ObjectNode component(Config config) {
    ObjectNode node = JSON.objectNode().put("type", config.type());
    config.values().forEach((name, value) -> {
      if (value instanceof Long l) {
        node.put(name, l);
      } else if (value instanceof Double d) {
        node.put(name, d);
      } else if (value instanceof Boolean b) {
        node.put(name, b);
      } else if (value instanceof String s) {
        node.put(name, s);
      } else if (value instanceof DataFile file) {
        node.put(name, file.relative());
      } else if (value instanceof DataFolder folder) {
        node.put(name, folder.given());
      } else if (value instanceof Config nested) {
        node.set(name, component(nested));
      } else {
        throw new IllegalStateException(name + ": unexpected value " + value);
      }
    });
    return node;
  }
}
