package org.ccsim.core.report;

import java.util.List;
import java.util.Map;
import org.ccsim.core.results.MetricRow;

/**
 * Whether a run recorded the loss often enough for the adaptation measures ({@link Adaptation}).
 * They count and fit recorded epochs: with the loss recorded every k epochs ({@code record.every}),
 * {@code epochs-to-half} moves in steps of k and {@code tau} is fitted to a k-th of the points, so the
 * reports warn instead of letting such numbers pass for what an every-epoch recording would give.
 */
final class RecordingCheck {

  private RecordingCheck() {
  }

  /**
   * The largest step between successive recorded epochs of the loss within a phase of one (rule,
   * replicate), over every phase and unit; 1 when every epoch is recorded (or nothing is).
   */
  static int step(List<MetricRow> rows) {
    List<MetricRow> loss = rows.stream().filter(r -> r.metric().equals(Adaptation.METRIC)).toList();
    Map<String, List<MetricRow>> units = Grouping.byKey(loss, r -> r.rule() + '\u0000' + r.replicate() + '\u0000'
        + r.phase());
    int step = 1;
    for (List<MetricRow> unit : units.values()) {
      int[] epochs = unit.stream().mapToInt(MetricRow::epoch).sorted().toArray();
      for (int i = 1; i < epochs.length; i++) {
        step = Math.max(step, epochs[i] - epochs[i - 1]);
      }
    }
    return step;
  }

  /** The warning the reports give about the adaptation measures of {@code rows}, or {@code ""} for none. */
  static String warning(List<MetricRow> rows) {
    int step = step(rows);
    return step == 1 ? ""
        : "the loss was recorded only every " + step + " epochs, so epochs-to-half counts in steps of " + step
            + " and tau is fitted to the recorded epochs alone; record every epoch (\"record\": {\"every\": 1})"
            + " for the adaptation measures to mean what they say";
  }
}
