package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a real PF4J plugin JAR in a test (after PF4J's own {@code PluginJar} test helper): Java
 * sources compiled now against the test class path, with PF4J's annotation processor writing the
 * extension index, packed with a plugin manifest. Sources added with {@link #compileOnly} are
 * compiled but left out of the JAR, as a library a plugin forgot to bundle.
 */
final class PluginJar {

  private final String id;
  private final String version;
  private String requires = "*";
  private String pluginClass;
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final List<String> leftOut = new ArrayList<>();

  PluginJar(String id, String version) {
    this.id = id;
    this.version = version;
  }

  /** {@code Plugin-Requires}: the ccsim versions the plugin works with. */
  PluginJar requires(String constraint) {
    this.requires = constraint;
    return this;
  }

  /** {@code Plugin-Class}: a subclass of {@code org.pf4j.Plugin} whose start and stop PF4J calls. */
  PluginJar pluginClass(String className) {
    this.pluginClass = className;
    return this;
  }

  /** A class compiled and packed into the JAR. */
  PluginJar source(String className, String source) {
    sources.put(className, source);
    return this;
  }

  /** A class compiled with the others but missing from the JAR. */
  PluginJar compileOnly(String className, String source) {
    leftOut.add(className);
    return source(className, source);
  }

  /** Compiles in {@code work} and writes the JAR to {@code jar}. */
  Path build(Path work, Path jar) throws IOException {
    Path src = Files.createDirectories(work.resolve("src"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"),
        "-d", classes.toString()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int status = javac.run(null, messages, messages, args.toArray(String[]::new));
    assertEquals(0, status, () -> "javac: " + messages);
    for (String className : leftOut) {
      Files.delete(classes.resolve(className.replace('.', '/') + ".class"));
    }

    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.putValue("Plugin-Id", id);
    attributes.putValue("Plugin-Version", version);
    attributes.putValue("Plugin-Requires", requires);
    if (pluginClass != null) {
      attributes.putValue("Plugin-Class", pluginClass);
    }
    Files.createDirectories(jar.getParent());
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> entries = Files.walk(classes)) {
      for (Path path : entries.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(path));
        out.closeEntry();
      }
    }
    return jar;
  }

  /**
   * The source of a task type {@code example.ConstantTaskType} with id {@code componentId}: a task of
   * one input and two outputs whose episodes are one step of zeros; {@code description} is Java
   * expression text, so it can call into a library.
   */
  static String constantTask(String pkg, String componentId, String description) {
    return """
        package %s;

        import java.util.List;
        import java.util.random.RandomGenerator;
        import org.ccsim.api.*;
        import org.pf4j.Extension;

        @Extension
        public final class ConstantTaskType implements TaskType {
          public String id() { return "%s"; }
          public String description() { return %s; }
          public List<Param> parameters() { return List.of(); }
          public Task create(Config config, BuildContext context) {
            return new Task() {
              public int inputSize() { return 1; }
              public int outputSize() { return 2; }
              public Episode sample(RandomGenerator random) {
                return new SquaredErrorEpisode(new double[][] {{0}}, new double[][] {{0, 0}});
              }
            };
          }
        }
        """.formatted(pkg, componentId, description);
  }
}
