package org.ccsim.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A run folder is always new, and files in it are replaced whole (README.md, "Outputs"). */
class RunFolderTest {

  private static final Instant START = Instant.parse("2026-01-02T03:04:05.678Z");

  @TempDir
  Path root;

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void isNamedByScenarioAndUtcTimestamp() throws IOException {
    RunFolder folder = RunFolder.create(root, "demo", START);

    assertEquals(root.resolve("demo").resolve("20260102-030405"), folder.path());
    assertTrue(Files.isDirectory(folder.path()));
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard (a naming loop must not spin), not a speed check
  void twoRunsInTheSameSecondGetTwoFolders() throws IOException {
    RunFolder first = RunFolder.create(root, "demo", START);
    RunFolder second = RunFolder.create(root, "demo", START);

    assertNotEquals(first.path(), second.path());
    assertEquals(List.of("20260102-030405", "20260102-030405-2"), names(root.resolve("demo")));
  }

  @Test
  void anExistingRunFolderIsNeitherReusedNorTouched() throws IOException {
    Path earlier = Files.createDirectories(root.resolve("demo").resolve("20260102-030405"));
    Files.writeString(earlier.resolve("metrics.csv"), "earlier results");
    Files.createDirectories(root.resolve("demo").resolve("20260102-030405-2"));

    RunFolder folder = RunFolder.create(root, "demo", START);
    folder.write("metrics.csv", "new results");

    assertEquals(root.resolve("demo").resolve("20260102-030405-3"), folder.path());
    assertEquals("earlier results", Files.readString(earlier.resolve("metrics.csv")));
    assertEquals(List.of("metrics.csv"), names(earlier));
    assertEquals(List.of(), names(root.resolve("demo").resolve("20260102-030405-2")));
  }

  @Test
  void writeReplacesAFileAndLeavesNoTemporaryFiles() throws IOException {
    RunFolder folder = RunFolder.create(root, "demo", START);

    folder.write("metrics.csv", "first version, longer than the second\n");
    folder.write("metrics.csv", "second\n");

    assertEquals("second\n", Files.readString(folder.path().resolve("metrics.csv")));
    assertEquals(List.of("metrics.csv"), names(folder.path()));
  }

  @Test
  void writeCreatesParentFolders() throws IOException {
    RunFolder folder = RunFolder.create(root, "demo", START);

    folder.write("plots/loss.svg", new byte[] {1, 2, 3});

    assertEquals(List.of("loss.svg"), names(folder.path().resolve("plots")));
  }

  @Test
  void aClaimedFolderCannotBeClaimedAgainUntilReleased() throws IOException {
    RunFolder folder = RunFolder.create(root, "demo", START);
    java.io.Closeable claim = folder.lock();

    IOException e = assertThrows(IOException.class, folder::lock);
    claim.close();

    assertTrue(e.getMessage().endsWith("is in use by another ccsim process (a run still going?)"), e.getMessage());
    folder.lock().close();
  }

  @Test
  void aWrittenFileHasThePermissionsOfAnyNewFileNotPrivateOnes() throws IOException {
    RunFolder folder = RunFolder.create(root, "demo", START);
    Path plain = Files.createFile(folder.path().resolve("plain.txt")); // created under the user's umask

    folder.write("metrics.csv", "rule,replicate\n");

    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(folder.path().resolve("metrics.csv")));
  }
}
