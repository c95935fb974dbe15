package org.ccsim.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.List;
import org.ccsim.api.compute.Parallel;
import org.ccsim.core.build.ScenarioBuilder;
import org.ccsim.core.compute.JavaComputeType;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.core.optim.AdamType;
import org.ccsim.core.plugin.ComponentRegistry;
import org.ccsim.core.plugin.PluginHost;
import org.ccsim.core.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The host built from its Guice module, as {@link Main} builds it: one plugin host, its registry, the commands. */
class HostModuleTest {

  @TempDir
  Path plugins;

  @Test
  void theModuleBuildsOnePluginHostWithTheBuiltInComponentTypes() {
    Injector injector = Guice.createInjector(new HostModule(List.of(plugins), "0.1.0"));
    PluginHost host = injector.getInstance(PluginHost.class);
    assertSame(host, injector.getInstance(PluginHost.class), "one plugin host per injector");
    ComponentRegistry registry = injector.getInstance(ComponentRegistry.class);
    assertSame(host.registry(), registry);
    assertInstanceOf(AdamType.class, registry.find("adam").orElseThrow().type());
    assertInstanceOf(JavaComputeType.class, registry.find("java").orElseThrow().type());
    assertEquals(ComponentRegistry.BUILT_IN, registry.find("java").orElseThrow().provider());
    assertEquals(List.of(), host.plugins(), "no plugin in an empty folder");
    assertSame(WorkSharing.COMMON, injector.getInstance(Parallel.class));
    injector.getInstance(ScenarioReader.class);
    injector.getInstance(ScenarioBuilder.class);
  }

  @Test
  void theCommandsAreCreatedByTheInjectorAndThePluginHostClosesWithTheCommandLine() {
    Injector injector = Guice.createInjector(new HostModule(List.of(plugins), "0.1.0"));
    CommandLine commandLine = new CommandLine(Main.class, new GuiceCommandFactory(injector));
    assertEquals(List.of("run", "work", "status", "validate", "plugins", "describe", "report", "help"),
        List.copyOf(commandLine.getSubcommands().keySet()));
    assertInstanceOf(RunCommand.class, commandLine.getSubcommands().get("run").getCommand());

    PluginHost host = injector.getInstance(PluginHost.class);
    injector.getInstance(OpenResources.class).close();
    assertThrows(IllegalStateException.class, host::registry, "a closed host refuses to be used");
  }
}
