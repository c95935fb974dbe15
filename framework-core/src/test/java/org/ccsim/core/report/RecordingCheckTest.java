package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ccsim.core.results.MetricRow;
import org.junit.jupiter.api.Test;

/** Whether the loss was recorded often enough for the adaptation measures. */
class RecordingCheckTest {

  /** Two phases of 10 epochs, recorded as the runner does: first and last epoch of a phase, and every k-th. */
  private static List<MetricRow> recordedEvery(int every) {
    List<MetricRow> rows = new ArrayList<>();
    for (int epoch = 1; epoch <= 20; epoch++) {
      int e = (epoch - 1) % 10 + 1;
      if (e == 1 || epoch % every == 0 || e == 10) {
        rows.add(new MetricRow("bptt", 1, epoch <= 10 ? "a" : "b", epoch, "loss", 1.0 / epoch));
        rows.add(new MetricRow("bptt", 1, epoch <= 10 ? "a" : "b", epoch, "alignment", 0.5));
      }
    }
    return rows;
  }

  @Test
  void everyEpochRecordedNeedsNoWarning() {
    assertEquals(1, RecordingCheck.step(recordedEvery(1)));
    assertEquals("", RecordingCheck.warning(recordedEvery(1)));
  }

  @Test
  void aCoarserRecordingIsNamedWithItsStep() {
    assertEquals(2, RecordingCheck.step(recordedEvery(2)));
    assertEquals(5, RecordingCheck.step(recordedEvery(5)), "epochs 1, 5, 10 of the first phase");
    String warning = RecordingCheck.warning(recordedEvery(5));
    assertTrue(warning.startsWith("the loss was recorded only every 5 epochs, so epochs-to-half counts in steps of 5"),
        warning);
    assertTrue(warning.contains("\"record\": {\"every\": 1}"), warning);
  }

  @Test
  void theGapBetweenPhasesIsNoStep() {
    List<MetricRow> rows = List.of(new MetricRow("bptt", 1, "a", 1, "loss", 1), new MetricRow("bptt", 1, "b", 9, "loss", 1));
    assertEquals(1, RecordingCheck.step(rows));
  }
}
