package org.ccsim.core.cli;

import java.util.concurrent.Callable;
import org.ccsim.core.plugin.ComponentRegistry;
import org.ccsim.core.plugin.PluginHost;
import picocli.CommandLine.Command;

/**
 * {@code ccsim plugins}: every plugin found with its id, version, state and the component ids it
 * provides; a plugin that does not work is listed with the reason (see {@link PluginHost}).
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
    description = "List the plugins found, their versions and states, and the component ids each provides.")
final class PluginsCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    try (PluginHost host = Host.start()) {
      System.out.printf("%-16s %-16s %-10s %s%n", "PLUGIN", "VERSION", "STATE", "COMPONENTS");
      System.out.printf("%-16s %-16s %-10s %s%n", ComponentRegistry.BUILT_IN, Host.systemVersion(), "BUILT-IN",
          String.join(", ", Host.BUILT_INS.stream().map(t -> t.id()).toList()));
      for (PluginHost.PluginInfo plugin : host.plugins()) {
        System.out.printf("%-16s %-16s %-10s %s%n", plugin.id(), plugin.version(), plugin.state(),
            String.join(", ", plugin.components()));
        if (plugin.reason() != null) {
          System.out.println("    reason: " + plugin.reason());
        }
      }
    }
    return Main.OK;
  }
}
