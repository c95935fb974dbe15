package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The libraries the launcher puts on the class path carry no version with a known vulnerability we manage away. */
class BundledLibrariesTest {

  @Test
  void guavaIsAtLeast32WhichFixesCve20232976() throws IOException {
    List<String> guava;
    try (Stream<Path> jars = Files.list(Cli.dist().resolve("lib"))) {
      guava = jars.map(p -> p.getFileName().toString()).filter(n -> n.matches("guava-\\d.*\\.jar")).toList();
    }
    assertEquals(1, guava.size(), "one Guava: " + guava);
    int major = Integer.parseInt(guava.get(0).substring("guava-".length()).split("\\.")[0]);
    assertTrue(major >= 32, guava.get(0));
  }
}
