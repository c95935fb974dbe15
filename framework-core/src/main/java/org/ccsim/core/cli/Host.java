package org.ccsim.core.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ccsim.api.ComponentType;
import org.ccsim.core.compute.JavaCompute;
import org.ccsim.core.optim.BuiltInOptimisers;
import org.ccsim.core.plugin.PluginHost;
import org.ccsim.core.results.Provenance;

/**
 * Starts the plugin host the way every command needs it: the plugin folders come from the system
 * property {@code ccsim.plugins} (folders separated by the platform's path separator; the launcher
 * sets it to the bundled plugins and any folders in {@code CCSIM_PLUGINS}).
 */
final class Host {

  /** The components built into the host. */
  static final List<ComponentType<?>> BUILT_INS =
      Stream.concat(BuiltInOptimisers.TYPES.stream(), Stream.of(new JavaCompute.Type())).toList();

  private Host() {
  }

  static PluginHost start() {
    String folders = System.getProperty("ccsim.plugins", "plugins");
    List<Path> paths = Arrays.stream(folders.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    return new PluginHost(paths, systemVersion(), BUILT_INS);
  }

  /** The ccsim version without a pre-release suffix, for checking {@code Plugin-Requires}. */
  static String systemVersion() {
    String version = Provenance.ccsimVersion();
    int dash = version.indexOf('-');
    return dash < 0 ? version : version.substring(0, dash);
  }
}
