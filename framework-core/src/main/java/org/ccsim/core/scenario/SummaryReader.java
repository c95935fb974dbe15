package org.ccsim.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccsim.api.Param;

/**
 * Reads {@code summary} (README.md, "Scenario files"): {@code atEpochs}, epochs counted from 1 across
 * phases at which the summaries give each metric's recorded value besides each phase's final value, and
 * {@code auc}, whether they give the area under each phase's learning curve too. An epoch must lie within
 * the scenario, come after the one listed before it, and be one at which every metric is recorded
 * ({@link Scenario.Recording#recordsAt}, and {@link Scenario.Evaluation#evaluatesAt} with an evaluation):
 * at any other epoch some metric would have no value to summarise.
 */
final class SummaryReader {

  private static final List<Param> SUMMARY = List.of(
      Param.bool("auc", Scenario.SummaryMeasures.DEFAULT.auc(),
          "summarise the area under each phase's learning curve: the mean of the metric over its recorded epochs"));

  private final List<Problem> problems;

  SummaryReader(List<Problem> problems) {
    this.problems = problems;
  }

  /** The block {@code node} (absent: {@link Scenario.SummaryMeasures#DEFAULT}), for the given phases and recording. */
  Scenario.SummaryMeasures read(ParameterValidator validator, JsonNode node, List<Scenario.Phase> phases,
      Scenario.Recording record) {
    if (node.isMissingNode()) {
      return Scenario.SummaryMeasures.DEFAULT;
    }
    JsonPath path = JsonPath.ROOT.key("summary");
    Map<String, Object> fields = validator.fields(node, path, SUMMARY, Set.of("atEpochs", "landmarks"), "summary");
    List<Integer> epochs = atEpochs(validator, node.path("atEpochs"), path.key("atEpochs"), phases, record);
    Boolean auc = (Boolean) fields.get("auc");
    return new Scenario.SummaryMeasures(epochs, auc == null ? Scenario.SummaryMeasures.DEFAULT.auc() : auc,
        landmarks(node.path("landmarks"), path.key("landmarks")));
  }

  /** {@code {"metric": {"label": number, ...}, ...}}: reference levels drawn on each metric's plot. */
  private Map<String, Map<String, Double>> landmarks(JsonNode node, JsonPath path) {
    Map<String, Map<String, Double>> landmarks = new LinkedHashMap<>();
    if (node.isMissingNode()) {
      return landmarks;
    }
    if (!node.isObject()) {
      problems.add(new Problem(path, "must be an object of metric to {label: value}, e.g. {\"loss\": {\"t1 only\": 0.32}} (got "
          + ParameterValidator.shown(node) + ")"));
      return landmarks;
    }
    node.fields().forEachRemaining(metric -> {
      JsonPath at = path.key(metric.getKey());
      if (!metric.getValue().isObject() || metric.getValue().isEmpty()) {
        problems.add(new Problem(at, "must be a non-empty object of label to value (got "
            + ParameterValidator.shown(metric.getValue()) + ")"));
        return;
      }
      Map<String, Double> levels = new LinkedHashMap<>();
      metric.getValue().fields().forEachRemaining(level -> {
        if (!level.getValue().isNumber() || !Double.isFinite(level.getValue().asDouble())) {
          problems.add(new Problem(at.key(level.getKey()), "must be a finite number (got "
              + ParameterValidator.shown(level.getValue()) + ")"));
        } else {
          levels.put(level.getKey(), level.getValue().asDouble());
        }
      });
      landmarks.put(metric.getKey(), levels);
    });
    return landmarks;
  }

  private List<Integer> atEpochs(ParameterValidator validator, JsonNode node, JsonPath path,
      List<Scenario.Phase> phases, Scenario.Recording record) {
    List<Integer> epochs = new ArrayList<>();
    if (node.isMissingNode()) {
      return epochs;
    }
    if (!node.isArray()) {
      problems.add(new Problem(path, "must be an array of epochs counted from 1 across phases, e.g. [20, 50] (got "
          + ParameterValidator.shown(node) + ")"));
      return epochs;
    }
    if (phases.isEmpty()) {
      return epochs; // the phases have problems of their own
    }
    int total = phases.stream().mapToInt(Scenario.Phase::epochs).sum();
    for (int i = 0; i < node.size(); i++) {
      JsonPath at = path.index(i);
      Long epoch = validator.integer(node.get(i), at);
      if (epoch == null) {
        continue;
      }
      if (epoch < 1 || epoch > total) {
        problems.add(new Problem(at, "must be between 1 and " + total + ", the scenario's epochs (got " + epoch + ")"));
      } else if (!epochs.isEmpty() && epoch <= epochs.get(epochs.size() - 1)) {
        problems.add(new Problem(at, "must be greater than " + epochs.get(epochs.size() - 1)
            + ", the epoch before it: list each epoch once, in increasing order (got " + epoch + ")"));
      } else {
        String unrecorded = unrecorded(epoch.intValue(), phases, record);
        if (unrecorded.isEmpty()) {
          epochs.add(epoch.intValue());
        } else {
          problems.add(new Problem(at, "must be an epoch at which every metric is recorded (got " + epoch + "): "
              + unrecorded + "; " + nearest(epoch.intValue(), total, phases, record)));
        }
      }
    }
    return epochs;
  }

  /** Why some metric is not recorded at {@code epoch}, or {@code ""} when every metric is. */
  private static String unrecorded(int epoch, List<Scenario.Phase> phases, Scenario.Recording record) {
    PhaseEpoch where = PhaseEpoch.of(phases, epoch);
    int length = phases.get(where.phase()).epochs();
    Scenario.Evaluation evaluation = record.evaluation();
    if (!record.recordsAt(epoch, where.epochInPhase(), length)) {
      return "record.every is " + record.every() + ", so metrics are recorded at each phase's first and last epoch"
          + " and at the multiples of " + record.every();
    } else if (evaluation != null && !evaluation.evaluatesAt(epoch, where.epochInPhase(), length)) {
      return "evaluation.every is " + evaluation.every() + ", so " + evaluation.lossMetric() + " and "
          + evaluation.accuracyMetric() + " are recorded at each phase's last epoch and at the multiples of "
          + evaluation.every();
    }
    return "";
  }

  /**
   * The nearest epochs before and after {@code epoch} at which every metric is recorded. There is always one
   * after: the last epoch of every phase is recorded.
   */
  private static String nearest(int epoch, int total, List<Scenario.Phase> phases, Scenario.Recording record) {
    int after = epoch + 1;
    while (after < total && !unrecorded(after, phases, record).isEmpty()) {
      after++;
    }
    int before = epoch - 1;
    while (before >= 1 && !unrecorded(before, phases, record).isEmpty()) {
      before--;
    }
    return before >= 1 ? "the nearest such epochs are " + before + " and " + after
        : "the nearest such epoch is " + after;
  }
}
