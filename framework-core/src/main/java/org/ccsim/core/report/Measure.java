package org.ccsim.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.ccsim.core.results.MetricRow;
import org.ccsim.core.scenario.Scenario;

/**
 * What the summary takes of one replicate's learning curve in a phase (the recorded values of one metric,
 * in epoch order) before it summarises over replicates ({@link Summary}): the final value, the value at a
 * chosen epoch, or the area under the curve. The scenario's {@code summary} block chooses all but the
 * final value ({@link Scenario.SummaryMeasures}).
 */
public sealed interface Measure {

  /** The last value recorded in the phase. */
  Measure FINAL = new Final();
  /** The area under the learning curve. */
  Measure AUC = new Auc();

  /** The name {@code summary.csv}'s {@code measure} column gives, e.g. {@code final}, {@code epoch 20}, {@code auc}. */
  String name();

  /** The measure of {@code curve} (not empty, in epoch order), or empty when the curve has none. */
  OptionalDouble of(List<MetricRow> curve);

  /** The last value recorded in the phase. */
  record Final() implements Measure {

    @Override
    public String name() {
      return "final";
    }

    @Override
    public OptionalDouble of(List<MetricRow> curve) {
      return OptionalDouble.of(curve.get(curve.size() - 1).value());
    }
  }

  /**
   * The value recorded at {@code epoch}, counted from 1 across phases as in {@code metrics.csv}; only the
   * curve of the phase holding the epoch has one.
   */
  record AtEpoch(int epoch) implements Measure {

    @Override
    public String name() {
      return "epoch " + epoch;
    }

    @Override
    public OptionalDouble of(List<MetricRow> curve) {
      return curve.stream().filter(r -> r.epoch() == epoch).mapToDouble(MetricRow::value).findFirst();
    }
  }

  /**
   * The area under the learning curve of a phase, as the mean of its values over the epochs recorded in
   * the phase: with every epoch recorded, the area per epoch; with {@code record.every} above 1, the
   * recorded epochs (a phase's first and last, and the multiples of {@code every}) weigh equally.
   * Undefined ({@code NaN}) when one of the values is.
   */
  record Auc() implements Measure {

    @Override
    public String name() {
      return "auc";
    }

    @Override
    public OptionalDouble of(List<MetricRow> curve) {
      return curve.stream().mapToDouble(MetricRow::value).average();
    }
  }

  /**
   * The measures a run's {@code scenario.resolved.json} asks for, in the order the reports give them: the
   * final value, the value at each of {@code summary.atEpochs}, then the area under the curve if
   * {@code summary.auc}. A file without the block (written before ccsim had one) gets
   * {@link Scenario.SummaryMeasures#DEFAULT}.
   */
  static List<Measure> read(Path resolvedScenario) throws IOException {
    JsonNode summary = new ObjectMapper().readTree(resolvedScenario.toFile()).path("summary");
    JsonNode atEpochs = summary.path("atEpochs");
    JsonNode auc = summary.path("auc");
    boolean wellFormed = summary.isMissingNode() || summary.isObject()
        && (atEpochs.isMissingNode() || atEpochs.isArray()) && (auc.isMissingNode() || auc.isBoolean());
    if (!wellFormed) {
      throw new IOException(resolvedScenario + ": $.summary must be {\"atEpochs\": [epochs], \"auc\": true or false}"
          + " (got " + summary + ")");
    }
    List<Measure> measures = new ArrayList<>(List.of(FINAL));
    for (JsonNode epoch : atEpochs) {
      if (!epoch.isIntegralNumber() || !epoch.canConvertToInt()) {
        throw new IOException(resolvedScenario + ": $.summary.atEpochs must hold epochs (got " + epoch + ")");
      }
      measures.add(new AtEpoch(epoch.intValue()));
    }
    if (auc.isMissingNode() ? Scenario.SummaryMeasures.DEFAULT.auc() : auc.booleanValue()) {
      measures.add(AUC);
    }
    return measures;
  }
}
