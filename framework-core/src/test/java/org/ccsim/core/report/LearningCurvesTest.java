package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.ccsim.core.results.EventsCsv;
import org.ccsim.core.results.MetricRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

class LearningCurvesTest {

  @Test
  void eventsOfOneEpochShareOneLabelledMarker() {
    List<MetricRow> rows = new ArrayList<>();
    for (int epoch = 1; epoch <= 20; epoch++) {
      for (String rule : List.of("a", "b", "c")) {
        rows.add(new MetricRow(rule, 1, "train", epoch, "loss", 100.0 / epoch));
      }
    }
    List<EventsCsv.Row> events = List.of(new EventsCsv.Row(11, "train", "ablate-synthesiser", "a"),
        new EventsCsv.Row(11, "train", "ablate-olive", "b"), new EventsCsv.Row(11, "train", "ablate-olive", "c"),
        new EventsCsv.Row(15, "train", "restore", "a"));
    JFreeChart chart = LearningCurves.chart(rows, "loss", events, List.of());
    Collection<?> markers = chart.getXYPlot().getDomainMarkers(Layer.FOREGROUND);
    List<String> labels = markers.stream().map(m -> ((ValueMarker) m).getValue() + " " + ((ValueMarker) m).getLabel())
        .toList();
    assertEquals(List.of("10.0 ablate-synthesiser: a; ablate-olive: b, c", "14.0 restore: a"), labels);
  }
}
