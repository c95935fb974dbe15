package org.ccsim.core.results;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.ccsim.api.DataFolder;

/**
 * What {@code provenance.json} records of the dataset folders a scenario read: for each, the folder
 * found on the data search path and the SHA-256 of every regular file in it, by name, so that a
 * result names the exact bytes it was trained and tested on.
 */
public final class DatasetDigests {

  private DatasetDigests() {
  }

  /** {@code {"<given>": {"folder": "/abs/path", "sha256": {"file": "hex", ...}}, ...}}. */
  public static ObjectNode of(List<DataFolder> folders) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (DataFolder folder : folders) {
      ObjectNode node = root.putObject(folder.given()).put("folder", folder.path().toString());
      ObjectNode digests = node.putObject("sha256");
      try (Stream<Path> files = Files.list(folder.path())) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          digests.put(file.getFileName().toString(), sha256(file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the dataset folder " + folder.path(), e);
      }
    }
    return root;
  }

  /** The SHA-256 of the bytes of {@code file}, in lower-case hex. */
  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
