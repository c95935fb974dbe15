package org.ccsim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dataset folders are found on the documented search path: {@code --data} folders, then those of
 * {@code CCSIM_DATA}, then {@code /usr/share/datasets}, first hit wins; an absolute folder is used as
 * it is; a folder found nowhere is refused with every folder searched.
 */
class DataSearchPathTest {

  @TempDir
  Path dir;

  @Test
  void theSearchOrderIsDataThenTheEnvironmentThenDebiansFolder() {
    Path given = dir.resolve("given");
    DataSearchPath path = DataSearchPath.of(List.of(given),
        Map.of("CCSIM_DATA", dir.resolve("a") + File.pathSeparator + File.pathSeparator + dir.resolve("b")));
    assertEquals(List.of(given, dir.resolve("a"), dir.resolve("b"), Path.of("/usr/share/datasets")), path.folders());
    assertEquals(List.of(Path.of("/usr/share/datasets")), DataSearchPath.of(List.of(), Map.of()).folders());
  }

  @Test
  void theFirstFolderThatHoldsTheDatasetWins() throws IOException {
    Files.createDirectories(dir.resolve("b").resolve("mnist"));
    Files.createDirectories(dir.resolve("c").resolve("mnist"));
    DataSearchPath path = new DataSearchPath(List.of(dir.resolve("a"), dir.resolve("b"), dir.resolve("c")));
    assertEquals(dir.resolve("b").resolve("mnist").toRealPath(), path.resolve("mnist").path());
    assertEquals("mnist", path.resolve("mnist").given());
  }

  @Test
  void anAbsoluteFolderIsUsedAsItIs() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    DataSearchPath path = new DataSearchPath(List.of());
    assertEquals(elsewhere.toRealPath(), path.resolve(elsewhere.toString()).path());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> path.resolve(dir.resolve("absent").toString()));
    assertEquals("no such folder: " + dir.resolve("absent"), e.getMessage());
  }

  @Test
  void aFolderFoundNowhereIsRefusedWithTheFoldersSearched() {
    DataSearchPath path = DataSearchPath.of(List.of(dir), Map.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> path.resolve("fashion"));
    assertEquals("no folder 'fashion' on the data search path (" + dir + ", /usr/share/datasets): give its folder with"
        + " --data DIR or in CCSIM_DATA, or install it (Debian's dataset packages use /usr/share/datasets)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> path.resolve(""));
  }
}
