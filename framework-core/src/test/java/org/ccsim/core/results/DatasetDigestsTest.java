package org.ccsim.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ccsim.api.DataFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code provenance.json}'s {@code datasets}: each dataset folder under the name the scenario gave,
 * the folder found, and the SHA-256 of each of its regular files by name (checked against the
 * standard's test vectors for "abc" and the empty message, FIPS 180-4 / NIST's examples).
 */
class DatasetDigestsTest {

  @TempDir
  Path dir;

  @Test
  void eachFileOfEachFolderIsRecordedWithItsSha256() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("tiny"));
    Files.writeString(folder.resolve("b-labels"), "abc");
    Files.write(folder.resolve("a-images"), new byte[0]);
    Files.createDirectories(folder.resolve("not-a-file"));
    ObjectNode digests = DatasetDigests.of(List.of(new DataFolder("tiny", folder)));
    assertEquals("{\"tiny\":{\"folder\":\"" + folder + "\",\"sha256\":{"
        + "\"a-images\":\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\","
        + "\"b-labels\":\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"}}}", digests.toString());
  }

  @Test
  void aScenarioWithoutDatasetsRecordsNone() {
    assertEquals("{}", DatasetDigests.of(List.of()).toString());
  }
}
