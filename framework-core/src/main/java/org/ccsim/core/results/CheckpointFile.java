package org.ccsim.core.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The checkpoint file format, version 3 (docs/checkpoints.md): a ZIP archive (text entries
 * deflated, state entries stored) that NumPy opens as an {@code .npz}, holding
 * <ul>
 *   <li>{@code checkpoint.json}: {@code format} ({@value #FORMAT}), {@code version}, {@code rule},
 *       {@code replicate}, {@code complete}, {@code epochsDone}, {@code batchesDone} and
 *       {@code scenario} (the digest of the scenario), and for a unit that diverged {@code divergence}
 *       ({@code phase}, {@code epoch}, {@code batch}, {@code step}, {@code quantity}, as in
 *       {@code divergences.csv});</li>
 *   <li>{@code metrics.csv} and {@code trajectories.csv}: the unit's rows so far, in the formats of
 *       the run folder's files of those names (values exact: shortest round-trip text);</li>
 *   <li>{@code state/KEY.npy}: each entry of the training state as a one-dimensional NumPy array of
 *       big-endian 64-bit floats or integers ({@link Npy}).</li>
 * </ul>
 * Every entry carries the ZIP's CRC-32, so a damaged file is refused rather than half read. Entry
 * times are fixed, so the same checkpoint always gives the same bytes.
 */
public final class CheckpointFile {

  /** The value of {@code format} in {@code checkpoint.json}. */
  public static final String FORMAT = "ccsim-checkpoint";
  /** The version this code writes and reads. */
  public static final int VERSION = 3;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String HEADER = "checkpoint.json";
  private static final String METRICS = "metrics.csv";
  private static final String TRAJECTORIES = "trajectories.csv";
  private static final String STATE = "state/";
  private static final String ARRAY = ".npy";
  /** Every entry's time: fixed, so equal checkpoints give equal bytes, and in DOS range, so no extra field. */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

  private CheckpointFile() {
  }

  /** The bytes of {@code checkpoint}'s file. */
  public static byte[] encode(Checkpoint checkpoint) throws IOException {
    ObjectNode header = JSON.createObjectNode()
        .put("format", FORMAT)
        .put("version", VERSION)
        .put("rule", checkpoint.rule())
        .put("replicate", checkpoint.replicate())
        .put("complete", checkpoint.complete())
        .put("epochsDone", checkpoint.epochsDone())
        .put("batchesDone", checkpoint.batchesDone())
        .put("scenario", checkpoint.scenario());
    Divergence divergence = checkpoint.divergence();
    if (divergence != null) {
      header.putObject("divergence").put("phase", divergence.phase()).put("epoch", divergence.epoch())
          .put("batch", divergence.batch()).put("step", divergence.step()).put("quantity", divergence.quantity());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, HEADER, (JSON.writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8));
      put(zip, METRICS, MetricsCsv.format(checkpoint.rows()).getBytes(StandardCharsets.UTF_8));
      put(zip, TRAJECTORIES, TrajectoriesCsv.format(checkpoint.trajectories()).getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, Object> entry : checkpoint.state().entries().entrySet()) {
        byte[] array = entry.getValue() instanceof double[] values ? Npy.of(values) : Npy.of((long[]) entry.getValue());
        put(zip, STATE + entry.getKey() + ARRAY, array);
      }
    }
    return bytes.toByteArray();
  }

  /**
   * Reads a file {@link #encode} wrote.
   *
   * @param file names the file in messages
   * @throws IOException if the file is damaged, of another format or version, or incomplete
   */
  public static Checkpoint decode(String file, byte[] data) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException(file + ": not a readable checkpoint (" + e.getMessage() + ")", e);
    }
    JsonNode header = JSON.readTree(required(file, entries, HEADER));
    if (!FORMAT.equals(header.path("format").asText()) || header.path("version").asInt() != VERSION) {
      throw new IOException(file + ": expected a " + FORMAT + " file of version " + VERSION + ", found format '"
          + header.path("format").asText() + "' version " + header.path("version").asText());
    }
    SnapshotStore state = new SnapshotStore();
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      String name = entry.getKey();
      if (!name.startsWith(STATE)) {
        continue;
      }
      try {
        if (!name.endsWith(ARRAY)) {
          throw new IllegalArgumentException("a state entry is a " + ARRAY + " array");
        }
        state.putEntry(name.substring(STATE.length(), name.length() - ARRAY.length()), Npy.read(entry.getValue()));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": bad state entry '" + name + "': " + e.getMessage(), e);
      }
    }
    String rule = header.path("rule").asText();
    int replicate = header.path("replicate").asInt();
    JsonNode diverged = header.path("divergence");
    Divergence divergence = diverged.isObject() ? new Divergence(rule, replicate, diverged.path("phase").asText(),
        diverged.path("epoch").asInt(), diverged.path("batch").asInt(), diverged.path("step").asInt(),
        diverged.path("quantity").asText()) : null;
    return new Checkpoint(rule, replicate, header.path("complete").asBoolean(), header.path("epochsDone").asInt(),
        header.path("batchesDone").asInt(), header.path("scenario").asText(),
        MetricsCsv.parse(file + "!" + METRICS, text(file, entries, METRICS)),
        TrajectoriesCsv.parse(file + "!" + TRAJECTORIES, text(file, entries, TRAJECTORIES)), state, divergence);
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(ENTRY_TIME);
    if (name.startsWith(STATE)) {
      // binary doubles hardly compress: store them, which costs no time
      CRC32 crc = new CRC32();
      crc.update(data);
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(data.length);
      entry.setCompressedSize(data.length);
      entry.setCrc(crc.getValue());
    }
    zip.putNextEntry(entry);
    zip.write(data);
    zip.closeEntry();
  }

  private static byte[] required(String file, Map<String, byte[]> entries, String name) throws IOException {
    byte[] data = entries.get(name);
    if (data == null) {
      throw new IOException(file + ": the checkpoint has no " + name);
    }
    return data;
  }

  private static String text(String file, Map<String, byte[]> entries, String name) throws IOException {
    return new String(required(file, entries, name), StandardCharsets.UTF_8);
  }
}
