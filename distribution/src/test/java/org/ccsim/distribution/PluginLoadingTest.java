package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.google.inject.Guice;
import java.nio.file.Path;
import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.core.cli.HostModule;
import org.ccsim.core.plugin.ComponentRegistry;
import org.ccsim.core.plugin.PluginHost;
import org.example.shared.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin JARs built here are loaded through the host's plugin manager, each in its own class loader
 * with its extensions created by Guice, and two plugins bundling different versions of one library
 * each see their own, as does the host.
 */
class PluginLoadingTest {

  private static final String INJECTED = """
      package example.third;

      import java.util.List;
      import org.ccsim.api.*;
      import org.pf4j.Extension;

      @Extension
      public final class InjectedTaskType implements TaskType {
        private final com.google.inject.Injector injector;

        @jakarta.inject.Inject
        public InjectedTaskType(com.google.inject.Injector injector) {
          this.injector = injector;
        }

        public Object injector() { return injector; }
        public String id() { return "injected-task"; }
        public String description() { return "a task compiled by a test"; }
        public List<Param> parameters() { return List.of(); }
        public Task create(Config config, BuildContext context) { throw new UnsupportedOperationException(); }
      }
      """;

  @TempDir
  Path dir;

  @Test
  void aPluginJarBuiltHereIsLoadedInItsOwnClassLoaderWithExtensionsFromGuice() throws Exception {
    Path jar = new PluginJar("example-plugin", "1.2.3").requires(">=0.1.0")
        .source("example.third.InjectedTaskType", INJECTED)
        .build(dir.resolve("build"), dir.resolve("plugins/example-plugin-1.2.3.jar"));

    try (PluginHost host = host(dir.resolve("plugins"))) {
      assertEquals(1, host.plugins().size());
      PluginHost.PluginInfo info = host.plugins().get(0);
      assertEquals("example-plugin", info.id());
      assertEquals("1.2.3", info.version());
      assertEquals("STARTED", info.state());
      assertEquals(jar.toAbsolutePath(), info.path().toAbsolutePath());
      assertEquals(List.of("injected-task"), info.components());
      assertNull(info.reason());

      ComponentRegistry.Entry entry = host.registry().find("injected-task").orElseThrow();
      assertEquals("example-plugin", entry.provider());
      ComponentType<?> type = entry.type();
      assertTrue(type.getClass().getClassLoader() instanceof org.pf4j.PluginClassLoader,
          "loaded by " + type.getClass().getClassLoader());
      assertNotSame(getClass().getClassLoader(), type.getClass().getClassLoader());
      Object injector = type.getClass().getMethod("injector").invoke(type);
      assertTrue(injector instanceof com.google.inject.Injector, "constructor injected by Guice");
    }
  }

  @Test
  void twoPluginsBundlingDifferentVersionsOfALibraryEachSeeTheirOwnAndTheHostKeepsItsOwn() throws Exception {
    Path plugins = dir.resolve("plugins");
    for (String version : List.of("1.0", "2.0")) {
      String pkg = "example.v" + version.charAt(0);
      new PluginJar("uses-library-" + version, "1.0.0")
          .source(pkg + ".ConstantTaskType", PluginJar.constantTask(pkg, "library-task-" + version.charAt(0),
              "\"uses library \" + org.example.shared.Library.version()"))
          .source("org.example.shared.Library", library(version))
          .build(dir.resolve("build-" + version), plugins.resolve("uses-library-" + version + ".jar"));
    }

    try (PluginHost host = host(plugins)) {
      assertEquals(List.of("STARTED", "STARTED"), host.plugins().stream().map(PluginHost.PluginInfo::state).toList());
      assertEquals("uses library 1.0", host.registry().find("library-task-1").orElseThrow().type().description());
      assertEquals("uses library 2.0", host.registry().find("library-task-2").orElseThrow().type().description());
      assertEquals("host", Library.version());
    }
  }

  private static String library(String version) {
    return """
        package org.example.shared;

        public final class Library {
          public static String version() { return "%s"; }
        }
        """.formatted(version);
  }

  /** The plugin host as the command line builds it, from the host's module. */
  private static PluginHost host(Path plugins) {
    return Guice.createInjector(new HostModule(List.of(plugins), "0.1.0")).getInstance(PluginHost.class);
  }
}
