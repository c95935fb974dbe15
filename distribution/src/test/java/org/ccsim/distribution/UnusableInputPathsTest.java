package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results root that cannot hold a run folder, and a scenario file that cannot be read, end in exit
 * code 2 with one line naming the path and what is wrong, before anything is built: no stack trace.
 */
class UnusableInputPathsTest {

  @TempDir
  Path dir;

  private static void assertOneLine(Cli.Result result, String expected) {
    assertEquals(2, result.exit(), result.out() + result.err());
    assertEquals(expected, result.err().strip(), "one line");
    assertFalse(result.out().contains("ccsim: running"), "nothing was built or run: " + result.out());
  }

  private Cli.Result runWithOut(Path out) {
    return Cli.run("run", Cli.scenarios().resolve("quickstart.json").toString(), "--out", out.toString());
  }

  @Test
  void anOutThatIsAFileOrInsideOneIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("results.txt"), "not a folder");

    assertOneLine(runWithOut(file), "ccsim run: --out " + file + ": is a file, not a folder");
    assertOneLine(runWithOut(file.resolve("runs")),
        "ccsim run: --out " + file.resolve("runs") + ": lies inside the file " + file);
    assertEquals("not a folder", Files.readString(file), "the file is untouched");
  }

  @Test
  void anOutOnAFileSystemThatTakesNoFoldersIsRefused() {
    Cli.Result result = runWithOut(Path.of("/proc"));
    assertEquals(2, result.exit(), result.err());
    assertEquals(1, result.err().strip().lines().count(), result.err());
    assertFalse(result.err().contains("Exception"), result.err());
  }

  @Test
  void aScenarioThatIsMissingOrAFolderIsNamedWithTheReason() throws IOException {
    Path missing = dir.resolve("missing.json");
    Cli.Result absent = Cli.run("validate", missing.toString());
    assertEquals(2, absent.exit());
    assertEquals(missing + ": $: cannot read the file: no such file", absent.err().strip());

    Path folder = Files.createDirectories(dir.resolve("folder.json"));
    Cli.Result directory = Cli.run("validate", folder.toString());
    assertEquals(2, directory.exit());
    assertEquals(folder + ": $: cannot read the file: it is a folder, not a scenario file", directory.err().strip());
  }
}
