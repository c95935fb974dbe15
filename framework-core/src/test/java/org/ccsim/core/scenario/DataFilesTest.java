package org.ccsim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ccsim.api.DataFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data files resolve inside the scenario's folder and never outside it (issue 7, output safety). */
class DataFilesTest {

  @TempDir
  Path dir;
  private Path folder;

  @BeforeEach
  void files() throws IOException {
    folder = Files.createDirectories(dir.resolve("scenarios"));
    Files.createDirectories(folder.resolve("data"));
    Files.writeString(folder.resolve("data").resolve("targets.csv"), "1,2\n");
    Files.writeString(dir.resolve("secret.csv"), "3,4\n");
  }

  @Test
  void aRelativePathResolvesAgainstTheScenarioFolder() throws IOException {
    DataFile file = DataFiles.resolve(folder, "data/../data/./targets.csv");

    assertEquals("data/targets.csv", file.relative());
    assertEquals(folder.resolve("data").resolve("targets.csv").toRealPath(), file.path());
  }

  @Test
  void aPathClimbingOutOfTheFolderIsRefused() {
    assertRefused("../secret.csv", "leaves the scenario's folder");
    assertRefused("data/../../secret.csv", "leaves the scenario's folder");
    assertRefused(".", "leaves the scenario's folder");
  }

  @Test
  void anAbsolutePathIsRefusedEvenInsideTheFolder() {
    assertRefused(folder.resolve("data").resolve("targets.csv").toAbsolutePath().toString(), "not absolute");
    assertRefused("", "not absolute or empty");
  }

  @Test
  void aSymbolicLinkOutOfTheFolderIsRefused() throws IOException {
    Files.createSymbolicLink(folder.resolve("link.csv"), dir.resolve("secret.csv"));
    Files.createSymbolicLink(folder.resolve("outside"), dir);

    assertRefused("link.csv", "symbolic link out of the scenario's folder");
    assertRefused("outside/secret.csv", "symbolic link out of the scenario's folder");
  }

  @Test
  void aSymbolicLinkInsideTheFolderIsFollowed() throws IOException {
    Files.createSymbolicLink(folder.resolve("alias.csv"), folder.resolve("data").resolve("targets.csv"));

    assertEquals(folder.resolve("data").resolve("targets.csv").toRealPath(), DataFiles.resolve(folder, "alias.csv").path());
  }

  @Test
  void missingFilesAndFoldersAreRefused() {
    assertRefused("data/none.csv", "no such file: 'data/none.csv'");
    assertRefused("data", "must be a readable regular file");
  }

  @Test
  void withoutAScenarioFileThereIsNoFolderToResolveAgainst() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> DataFiles.resolve(null, "targets.csv"))
        .getMessage().contains("only be named in a scenario file"));
  }

  private void assertRefused(String given, String rule) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataFiles.resolve(folder, given));
    assertTrue(e.getMessage().contains(rule), e.getMessage());
  }
}
