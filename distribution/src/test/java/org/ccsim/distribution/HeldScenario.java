package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the process-level tests ({@link InterruptionTest}, {@link SlurmArrayTest}) signal: the test plugin
 * {@code test-hold} (source in {@code gate-plugin/}) built into a plugin folder, and {@code checkpointed.json}
 * with its perturbation on the first phase, holding a JVM's second unit at the start of its fourth epoch
 * (a checkpoint at epoch 2 behind it) when the JVM has {@code -Dccsim.test.gate}; and the
 * {@code metrics.csv} of the scenario run once, in process, where nothing is held.
 *
 * @param plugins the folder with the hold plugin
 * @param scenario the held scenario's file
 * @param uninterrupted the metrics of a run never interrupted
 */
record HeldScenario(Path plugins, Path scenario, String uninterrupted) {

  static final int EPOCHS = 8;
  static final int EPISODES_PER_EPOCH = 3 * 4;

  /** Builds the plugin and the scenario under {@code dir} and runs the scenario once on two threads. */
  static HeldScenario under(Path dir) throws IOException {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    new PluginJar("test-hold", "1.0.0")
        .source("example.gate.HoldType", Files.readString(Path.of("src/test/resources/gate-plugin/HoldType.java")))
        .build(dir.resolve("plugin-build"), plugins.resolve("test-hold.jar"));
    ObjectMapper json = new ObjectMapper();
    ObjectNode held = (ObjectNode) json.readTree(Path.of("src/test/resources/checkpointed.json").toFile());
    ((ObjectNode) held.withArray("phases").get(0)).putObject("perturbation")
        .put("type", "test-hold").put("unit", 2).put("episode", 3 * EPISODES_PER_EPOCH + 1);
    Path scenario = dir.resolve("checkpointed.json");
    json.writeValue(scenario.toFile(), held);
    Path out = dir.resolve("straight");
    Cli.Result straight = Cli.runWithPlugins(List.of(plugins), "run", scenario.toString(), "--out", out.toString(),
        "--threads", "2");
    assertEquals(0, straight.exit(), straight.err());
    return new HeldScenario(plugins, scenario,
        Files.readString(RunOutputsTest.onlyRunFolder(out, "checkpointed").resolve("metrics.csv")));
  }
}
