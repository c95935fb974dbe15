package org.ccsim.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ccsim.api.DivergenceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code divergences.csv} reads back what it wrote, a missing file is none, and other files are refused. */
class DivergencesCsvTest {

  @TempDir
  Path dir;

  @Test
  void formatThenReadGivesTheSameRows() throws IOException {
    List<Divergence> rows = List.of(new Divergence("bp-lambda", 2, "rotation", 130, 4, 7, "weight synthesiser/W_s"),
        new Divergence("custom", 11, "a", 1, 1, DivergenceException.NO_STEP, "loss, summed over a batch"));
    Path file = Files.writeString(dir.resolve("divergences.csv"), DivergencesCsv.format(rows));

    assertEquals("rule,replicate,phase,epoch,batch,step,quantity\nbp-lambda,2,rotation,130,4,7,weight synthesiser/W_s\n"
        + "custom,11,a,1,1,,\"loss, summed over a batch\"\n", Files.readString(file));
    assertEquals(rows, DivergencesCsv.read(file));
    assertEquals(List.of(), DivergencesCsv.read(dir.resolve("none.csv")));
    Files.writeString(dir.resolve("other.csv"), "rule,replicate\n");
    assertThrows(IOException.class, () -> DivergencesCsv.read(dir.resolve("other.csv")));
  }
}
