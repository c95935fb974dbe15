package org.ccsim.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metrics.csv} stores every double exactly and refuses files it did not write. */
class MetricsCsvTest {

  @TempDir
  Path dir;

  @Test
  void formatThenReadGivesTheSameRows() throws IOException {
    List<MetricRow> rows = List.of(
        new MetricRow("bptt", 0, "baseline", 1, "loss", 0.1 + 0.2),
        new MetricRow("bptt", 0, "baseline", 2, "loss", 1e-300),
        new MetricRow("tbptt-1", 12, "rotation", 300, "loss", Double.MIN_VALUE),
        new MetricRow("tbptt-1", 12, "rotation", 301, "loss", -0.0),
        new MetricRow("a.b_c", 3, "washout", 302, "loss", Double.NaN),
        new MetricRow("a.b_c", 3, "washout", 303, "loss", -1.7976931348623157e308));
    Path file = Files.writeString(dir.resolve("metrics.csv"), MetricsCsv.format(rows));

    assertEquals(rows, MetricsCsv.read(file));
  }

  @Test
  void formatIsDeterministic() throws IOException {
    List<MetricRow> rows = List.of(new MetricRow("bptt", 0, "train", 1, "loss", 0.1 + 0.2));
    String text = MetricsCsv.format(rows);
    Path file = Files.writeString(dir.resolve("metrics.csv"), text);

    assertEquals("rule,replicate,phase,epoch,metric,value\nbptt,0,train,1,loss,0.30000000000000004\n", text);
    assertEquals(text, MetricsCsv.format(MetricsCsv.read(file)));
  }

  @Test
  void sweptRulesGetOneColumnPerGridPathAndReadBackToTheSameRows() throws IOException {
    List<MetricRow> rows = List.of(new MetricRow("cb-expansion2-fanIn4", 1, "train", 1, "loss", 0.5),
        new MetricRow("cortex", 1, "train", 1, "loss", 0.25));
    Map<String, Map<String, Object>> swept = Map.of("cb-expansion2-fanIn4",
        new java.util.LinkedHashMap<>(Map.of("synthesiser.expansion", 2L)));
    swept.get("cb-expansion2-fanIn4").put("synthesiser.fanIn", 4L);
    String text = MetricsCsv.format(rows, swept);
    Path file = Files.writeString(dir.resolve("metrics.csv"), text);

    assertEquals("rule,synthesiser.expansion,synthesiser.fanIn,replicate,phase,epoch,metric,value\n"
        + "cb-expansion2-fanIn4,2,4,1,train,1,loss,0.5\ncortex,,,1,train,1,loss,0.25\n", text);
    assertEquals(rows, MetricsCsv.read(file));
  }

  @Test
  void rejectsABadHeader() throws IOException {
    Path file = Files.writeString(dir.resolve("other.csv"), "rule,replicate,phase,epoch,value\nbptt,0,train,1,0.5\n");

    IOException e = assertThrows(IOException.class, () -> MetricsCsv.read(file));

    assertTrue(e.getMessage().contains("not a ccsim metrics file"), e.getMessage());
  }

  @Test
  void rejectsALineWithTheWrongNumberOfFieldsNamingTheLine() throws IOException {
    Path file = Files.writeString(dir.resolve("metrics.csv"), MetricsCsv.HEADER + "\nbptt,0,train,1,loss,0.5\nbptt,0,train\n");

    IOException e = assertThrows(IOException.class, () -> MetricsCsv.read(file));

    assertTrue(e.getMessage().contains("metrics.csv:3: expected 6 fields, found 3"), e.getMessage());
  }
}
