package org.ccsim.core.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ccsim.api.ComponentType;
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

  private final Provider<PluginHost> host;
  private final Set<ComponentType<?>> builtIns;

  @Inject
  PluginsCommand(Provider<PluginHost> host, Set<ComponentType<?>> builtIns) {
    this.host = host;
    this.builtIns = builtIns;
  }

  @Override
  public Integer call() {
    System.out.printf("%-16s %-16s %-10s %s%n", "PLUGIN", "VERSION", "STATE", "COMPONENTS");
    System.out.printf("%-16s %-16s %-10s %s%n", ComponentRegistry.BUILT_IN, HostModule.systemVersion(), "BUILT-IN",
        String.join(", ", builtIns.stream().map(ComponentType::id).toList()));
    for (PluginHost.PluginInfo plugin : host.get().plugins()) {
      System.out.printf("%-16s %-16s %-10s %s%n", plugin.id(), plugin.version(), plugin.state(),
          String.join(", ", plugin.components()));
      if (plugin.reason() != null) {
        System.out.println("    reason: " + plugin.reason());
      }
    }
    return Main.OK;
  }
}
