package org.ccsim.core.results;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.ccsim.core.plugin.PluginHost;

/**
 * What {@code provenance.json} records (after Tribuo's provenance): enough to rerun a run exactly
 * and to tell two runs apart — ccsim version and git commit, plugins with versions, JVM, OS, the
 * command, the master seed, start and end time.
 */
public final class Provenance {

  private Provenance() {
  }

  /** The ccsim version this host was built as. */
  public static String ccsimVersion() {
    try (InputStream in = Provenance.class.getResourceAsStream("/ccsim.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException | NullPointerException e) {
      return "unknown";
    }
  }

  /**
   * The provenance record.
   *
   * @param datasets the dataset folders read and their files' digests ({@link DatasetDigests})
   * @param end {@code null} while the run is in progress
   * @param runStatus {@code running}, {@code completed}, {@code interrupted} or {@code failed}
   */
  public static ObjectNode toJson(List<String> command, Path scenarioFile, long seed, int threads,
      List<PluginHost.PluginInfo> plugins, ObjectNode datasets, Instant start, Instant end, String runStatus) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("ccsimVersion", ccsimVersion());
    root.put("gitCommit", git("rev-parse", "HEAD"));
    String status = git("status", "--porcelain");
    root.put("gitDirty", status.equals("unknown") ? null : Boolean.valueOf(!status.isEmpty()));
    var commandNode = root.putArray("command");
    command.forEach(commandNode::add);
    root.put("scenarioFile", scenarioFile.toAbsolutePath().toString());
    root.put("masterSeed", seed);
    root.put("threads", threads);
    var pluginNodes = root.putArray("plugins");
    for (PluginHost.PluginInfo plugin : plugins) {
      ObjectNode node = pluginNodes.addObject().put("id", plugin.id()).put("version", plugin.version())
          .put("state", plugin.state()).put("path", String.valueOf(plugin.path()));
      plugin.components().forEach(node.putArray("components")::add);
    }
    root.set("datasets", datasets);
    root.putObject("java").put("version", System.getProperty("java.version"))
        .put("vendor", System.getProperty("java.vendor")).put("vm", System.getProperty("java.vm.name"));
    root.putObject("os").put("name", System.getProperty("os.name")).put("arch", System.getProperty("os.arch"))
        .put("version", System.getProperty("os.version"))
        .put("processors", Runtime.getRuntime().availableProcessors());
    root.put("start", start.toString());
    root.put("end", end == null ? null : end.toString());
    root.put("status", runStatus);
    return root;
  }

  /**
   * The provenance of a resumed run: {@code original}, the record of the run as first started, with
   * the status and end of the latest {@code session} and that session's whole record appended to its
   * {@code resumes}.
   */
  public static ObjectNode withResume(ObjectNode original, ObjectNode session) {
    ObjectNode combined = original.deepCopy();
    combined.set("status", session.get("status"));
    combined.set("end", session.get("end"));
    combined.withArray("resumes").add(session);
    return combined;
  }

  /** A git command run in ccsim's home folder ({@code -Dccsim.home}); "unknown" if unavailable. */
  private static String git(String... args) {
    String home = System.getProperty("ccsim.home");
    if (home == null) {
      return "unknown";
    }
    try {
      Process process = new ProcessBuilder(concat(home, args)).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      boolean done = process.waitFor(10, TimeUnit.SECONDS);
      return done && process.exitValue() == 0 ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static List<String> concat(String home, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", home));
    command.addAll(List.of(args));
    return command;
  }
}
