package org.ccsim.core.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every CSV ccsim writes reads back as written, whatever commas, quotes or line breaks its names hold. */
class CsvTest {

  private static final String AWKWARD = "to (3, 4) \"far\"";

  @TempDir
  Path dir;

  @Test
  void plainFieldsAreWrittenAsTextAndAwkwardOnesQuoted() throws IOException {
    String text = Csv.write(Csv.row("a", "b", "c"), List.of(Csv.row("1", "", "x y"), Csv.row(AWKWARD, "2\n3", "-1.5E-7")));
    assertEquals("a,b,c\n1,,x y\n\"to (3, 4) \"\"far\"\"\",\"2\n3\",-1.5E-7\n", text);
    Csv.Table table = Csv.read("t.csv", text + "z,z,z\n");
    assertEquals(List.of("a", "b", "c"), table.header());
    assertArrayEquals(new String[] {AWKWARD, "2\n3", "-1.5E-7"}, table.records().get(1).fields());
    assertEquals(List.of(2, 3, 5), table.records().stream().map(Csv.Record::line).toList(),
        "each record's line, counting the line break inside a quoted field");
  }

  @Test
  void probeLabelsPhaseNamesAndQuantitiesRoundTrip() throws IOException {
    TrajectoryRow written = new TrajectoryRow("bp", 1, "a, b", 3, AWKWARD, 2, false, new double[] {0.1, -2},
        new double[] {1e-300, 3});
    TrajectoryRow read = TrajectoriesCsv.parse("t", TrajectoriesCsv.format(List.of(written))).get(0);
    assertEquals(List.of(written.phase(), written.probe()), List.of(read.phase(), read.probe()));
    assertFalse(read.scored());
    assertArrayEquals(written.output(), read.output());
    assertArrayEquals(written.target(), read.target());

    List<MetricRow> metrics = List.of(new MetricRow("rule \"x\"", 2, "phase, one", 4, "loss", 0.1 + 0.2));
    assertEquals(metrics, MetricsCsv.parse("m", MetricsCsv.format(metrics, Map.of("rule \"x\"", Map.of("a.b", "p,q")))));

    List<Divergence> divergences = List.of(new Divergence("bp", 1, "p \"1\"", 2, 3, 4, "weight, W_s"));
    Path file = Files.writeString(dir.resolve("divergences.csv"), DivergencesCsv.format(divergences));
    assertEquals(divergences, DivergencesCsv.read(file));

    List<EventsCsv.Row> events = List.of(new EventsCsv.Row(5, "after, long", "lesion \"olive\"", "bp"));
    Path eventsFile = Files.writeString(dir.resolve("events.csv"), EventsCsv.format(events));
    assertEquals(events, EventsCsv.read(eventsFile));
  }

  @Test
  void aTrajectoriesFileWrittenBeforeTheScoredColumnReadsAsEveryStepScored() throws IOException {
    List<TrajectoryRow> rows = TrajectoriesCsv.parse("old.csv",
        "rule,replicate,phase,epoch,probe,step,y1,y2,target1,target2\nbp,1,train,1,to 0,1,0.5,0,1,0\n");
    assertTrue(rows.get(0).scored());
    assertArrayEquals(new double[] {0.5, 0}, rows.get(0).output());
    assertArrayEquals(new double[] {1, 0}, rows.get(0).target());
  }

  @Test
  void aScoredFieldOtherThanOneOrZeroIsRefusedWithItsLine() {
    IOException e = assertThrows(IOException.class, () -> TrajectoriesCsv.parse("t.csv",
        "rule,replicate,phase,epoch,probe,step,scored,y1,target1\nbp,1,train,1,to 0,1,yes,0.5,1\n"));
    assertTrue(e.getMessage().startsWith("t.csv:2: scored must be 1 or 0"), e.getMessage());
  }

  @Test
  void anUnclosedQuoteNamesTheFile() {
    IOException e = assertThrows(IOException.class, () -> Csv.read("bad.csv", "a,b\n\"1,2\n"));
    assertTrue(e.getMessage().startsWith("bad.csv: not readable as CSV"), e.getMessage());
  }
}
