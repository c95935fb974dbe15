package org.ccsim.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.ccsim.api.ComponentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a real plugin JAR in a temporary folder (after PF4J's own {@code PluginJar} tests): a
 * source file compiled now, with PF4J's annotation processor writing the extension index, packed
 * with a plugin manifest, and loaded through the host's plugin manager, in its own class loader,
 * with its extension created by Guice.
 */
class PluginJarTest {

  private static final String SOURCE = """
      package example.third;

      import java.util.List;
      import org.ccsim.api.*;
      import org.pf4j.Extension;

      @Extension
      public final class ConstantTaskType implements TaskType {
        private final com.google.inject.Injector injector;

        @jakarta.inject.Inject
        public ConstantTaskType(com.google.inject.Injector injector) {
          this.injector = injector;
        }

        public Object injector() { return injector; }
        public String id() { return "constant-task"; }
        public String description() { return "a task compiled by a test"; }
        public List<Param> parameters() { return List.of(); }
        public Task create(Config config, BuildContext context) { throw new UnsupportedOperationException(); }
      }
      """;

  @TempDir
  Path dir;

  @Test
  void aPluginJarBuiltHereIsLoadedInItsOwnClassLoaderWithExtensionsFromGuice() throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Path jar = buildPlugin(dir.resolve("build"), plugins.resolve("example-plugin-1.2.3.jar"), ">=0.1.0");

    try (PluginHost host = new PluginHost(List.of(plugins), "0.1.0", List.of())) {
      assertEquals(1, host.plugins().size());
      PluginHost.PluginInfo info = host.plugins().get(0);
      assertEquals("example-plugin", info.id());
      assertEquals("1.2.3", info.version());
      assertEquals("STARTED", info.state());
      assertEquals(jar, info.path());
      assertEquals(List.of("constant-task"), info.components());

      ComponentRegistry.Entry entry = host.registry().find("constant-task").orElseThrow();
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
  void aPluginRequiringANewerCcsimIsNotStarted() throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    buildPlugin(dir.resolve("build"), plugins.resolve("future.jar"), ">=9.0.0");
    try (PluginHost host = new PluginHost(List.of(plugins), "0.1.0", List.of())) {
      assertEquals(1, host.plugins().size());
      assertTrue(!host.plugins().get(0).state().equals("STARTED"), host.plugins().get(0).state());
      assertTrue(host.registry().find("constant-task").isEmpty());
    }
  }

  /** Compiles {@link #SOURCE} against the test class path and packs it as a PF4J plugin JAR. */
  private static Path buildPlugin(Path build, Path jar, String requires) throws IOException {
    Path sources = Files.createDirectories(build.resolve("src/example/third"));
    Path classes = Files.createDirectories(build.resolve("classes"));
    Files.writeString(sources.resolve("ConstantTaskType.java"), SOURCE);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"),
        "-d", classes.toString(), sources.resolve("ConstantTaskType.java").toString());
    assertEquals(0, status, "javac");
    assertTrue(Files.exists(classes.resolve("META-INF/extensions.idx")), "PF4J's processor wrote the index");

    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.putValue("Plugin-Id", "example-plugin");
    attributes.putValue("Plugin-Version", "1.2.3");
    attributes.putValue("Plugin-Requires", requires);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> entries = Files.walk(classes)) {
      for (Path path : entries.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(path));
        out.closeEntry();
      }
    }
    return jar;
  }
}
