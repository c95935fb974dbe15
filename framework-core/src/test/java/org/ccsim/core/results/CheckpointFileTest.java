package org.ccsim.core.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The checkpoint file keeps everything exactly, always encodes to the same bytes, and refuses what it cannot trust. */
class CheckpointFileTest {

  private static Checkpoint sample() {
    SnapshotStore state = new SnapshotStore();
    state.child("parameters").putDoubles("W_rec", 0.1, -0.0, Double.MIN_VALUE, 1e308, Math.PI);
    state.child("optimisers").child("cortex").putLongs("steps", 12);
    state.putLongs("streams/task-samples", Long.MAX_VALUE);
    state.child("metric-sums").putDoubles("loss", 3.25, 4);
    return new Checkpoint("bp", 2, false, 7, 1, "abc",
        List.of(new MetricRow("bp", 2, "base", 1, "loss", 0.1 + 0.2), new MetricRow("bp", 2, "base", 1, "alignment", Double.NaN)),
        List.of(new TrajectoryRow("bp", 2, "base", 1, "to 0", 1, true, new double[] {1.5, -2}, new double[] {0, 1e-300})),
        state, null);
  }

  @Test
  void roundTripsEveryValueBitForBit() throws IOException {
    Checkpoint written = sample();

    Checkpoint read = CheckpointFile.decode("x.zip", CheckpointFile.encode(written));

    assertEquals(List.of(written.rule(), written.replicate(), written.complete(), written.epochsDone(),
        written.batchesDone(), written.scenario()), List.of(read.rule(), read.replicate(), read.complete(),
        read.epochsDone(), read.batchesDone(), read.scenario()));
    assertEquals(MetricsCsv.format(written.rows()), MetricsCsv.format(read.rows()));
    assertEquals(TrajectoriesCsv.format(written.trajectories()), TrajectoriesCsv.format(read.trajectories()));
    assertEquals(written.state().entries().keySet(), read.state().entries().keySet());
    for (String key : written.state().entries().keySet()) {
      Object expected = written.state().entries().get(key);
      Object actual = read.state().entries().get(key);
      if (expected instanceof double[] d) {
        assertArrayEquals(Arrays.stream(d).mapToLong(Double::doubleToRawLongBits).toArray(),
            Arrays.stream((double[]) actual).mapToLong(Double::doubleToRawLongBits).toArray(), key);
      } else {
        assertArrayEquals((long[]) expected, (long[]) actual, key);
      }
    }
  }

  @Test
  void keepsWhereAUnitDiverged() throws IOException {
    Checkpoint sample = sample();
    Divergence divergence = new Divergence("bp", 2, "base", 8, 2, 3, "weight synthesiser/W, first of 4");
    Checkpoint diverged = new Checkpoint("bp", 2, true, 7, 1, "abc", sample.rows(), sample.trajectories(),
        new SnapshotStore(), divergence);

    assertEquals(divergence, CheckpointFile.decode("x.zip", CheckpointFile.encode(diverged)).divergence());
    assertEquals(null, CheckpointFile.decode("x.zip", CheckpointFile.encode(sample)).divergence());
  }

  @Test
  void theSameCheckpointAlwaysGivesTheSameBytes() throws IOException {
    assertArrayEquals(CheckpointFile.encode(sample()), CheckpointFile.encode(sample()));
  }

  @Test
  void aTruncatedFileIsRefused() throws IOException {
    byte[] bytes = CheckpointFile.encode(sample());

    IOException e = assertThrows(IOException.class,
        () -> CheckpointFile.decode("x.zip", Arrays.copyOf(bytes, bytes.length / 2)));

    assertTrue(e.getMessage().startsWith("x.zip: "), e.getMessage());
  }

  @Test
  void aFlippedByteFailsTheChecksum() throws IOException {
    byte[] bytes = CheckpointFile.encode(sample());
    // the first entry, checkpoint.json, is compressed right after its 30-byte header and 15-byte name
    bytes[30 + "checkpoint.json".length() + 5] ^= 1;

    assertThrows(IOException.class, () -> CheckpointFile.decode("x.zip", bytes));
  }

  @Test
  void anotherVersionIsRefusedByName() throws IOException {
    byte[] bytes = rewriteHeader(CheckpointFile.encode(sample()), "\"version\" : 3", "\"version\" : 2");

    IOException e = assertThrows(IOException.class, () -> CheckpointFile.decode("x.zip", bytes));

    assertEquals("x.zip: expected a ccsim-checkpoint file of version 3, found format 'ccsim-checkpoint' version 2",
        e.getMessage());
  }

  /** Copies a checkpoint, stored entries, with one text replaced in checkpoint.json. */
  private static byte[] rewriteHeader(byte[] file, String from, String to) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(file));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] data = in.readAllBytes();
        if (entry.getName().equals("checkpoint.json")) {
          data = new String(data, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(entry.getName()));
        zip.write(data);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
