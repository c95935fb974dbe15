package org.ccsim.core.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scenario texts for tests, written with single quotes for readability. */
final class ScenarioFiles {

  /** A small valid scenario; every member on its own line so tests can replace one. */
  static final String MINIMAL = """
      {
        'scenario': 'demo',
        'seed': 17,
        'task': {'type': 'fake-task'},
        'network': {'type': 'fake-net', 'hidden': 8},
        'training': {'epochs': 5},
        'rules': {'bptt': {'type': 'fake-rule'}}
      }
      """;

  private ScenarioFiles() {
  }

  /** {@code text} with single quotes turned into double quotes. */
  static String json(String text) {
    return text.replace('\'', '"');
  }

  /** Writes {@code text} (single-quoted JSON) to {@code dir/name}. */
  static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), json(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
