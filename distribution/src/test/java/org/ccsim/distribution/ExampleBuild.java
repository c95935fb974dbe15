package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds a copy of a plugin project outside the reactor with Maven, as its author would after
 * {@code mvn install} of ccsim, but without installing anything into the user's local repository:
 * the build gets a repository of its own holding the ccsim artifacts of this build (JARs from
 * {@code target/sdk}, POMs from the source tree) and, through symbolic links, everything else of the
 * local repository the main build used, and runs offline (the example's Maven plugins and libraries
 * are the versions the main build has already resolved).
 */
final class ExampleBuild {

  /** The ccsim artifacts a plugin project may depend on, with the source folder of each POM. */
  private static final Map<String, String> ARTIFACTS = Map.of(
      "framework-api", "framework-api", "framework-core", "framework-core",
      "framework-testkit", "framework-testkit", "rnn-tanh", "plugins/rnn-tanh");
  /** Their parent POMs, which the artifacts' POMs inherit from. */
  private static final Map<String, String> PARENTS = Map.of("ccsim-parent", "", "ccsim-plugins", "plugins");

  private ExampleBuild() {
  }

  static Path root() {
    return Path.of(System.getProperty("ccsim.root", ".."));
  }

  /** Copies {@code project} into {@code work}, runs {@code mvn package} there and returns the copy. */
  static Path packageCopy(Path project, Path work) throws IOException, InterruptedException {
    Path copy = work.resolve("project");
    copyTree(project, copy);
    Path repository = work.resolve("repository");
    Path log = work.resolve("build.log");
    List<String> command = List.of(maven().toString(), "-B", "-o", "-q", "-Dstyle.color=never",
        "-Dmaven.repo.local=" + repository, "-Dccsim.version=" + version(), "package");
    List<Path> links = new ArrayList<>();
    try {
      seed(repository, links);
      Process process = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!process.waitFor(30, TimeUnit.MINUTES)) { // a hang guard, not a speed check
        process.destroyForcibly();
        fail("mvn package of the example did not end within 30 minutes; log: " + log);
      }
      if (process.exitValue() != 0) {
        fail(String.join(" ", command) + " failed in " + copy + ":\n" + Files.readString(log));
      }
    } finally {
      for (Path link : links) {
        Files.delete(link);
      }
    }
    return copy;
  }

  private static String version() {
    return System.getProperty("ccsim.version", "0.1.0-SNAPSHOT");
  }

  /**
   * Lays out a local repository: this build's ccsim artifacts, and links to everything else in the
   * user's (listed in {@code links}, so that they can be removed without touching their targets).
   */
  private static void seed(Path repository, List<Path> links) throws IOException {
    Path ccsim = Files.createDirectories(repository.resolve("org/ccsim"));
    Path user = Path.of(System.getProperty("ccsim.localRepository",
        System.getProperty("user.home") + "/.m2/repository"));
    if (Files.isDirectory(user)) {
      try (Stream<Path> top = Files.list(user)) {
        for (Path entry : top.filter(p -> !p.getFileName().toString().equals("org")).toList()) {
          links.add(Files.createSymbolicLink(repository.resolve(entry.getFileName().toString()), entry));
        }
      }
      if (Files.isDirectory(user.resolve("org"))) {
        try (Stream<Path> org = Files.list(user.resolve("org"))) {
          for (Path entry : org.filter(p -> !p.getFileName().toString().equals("ccsim")).toList()) {
            links.add(Files.createSymbolicLink(repository.resolve("org").resolve(entry.getFileName().toString()), entry));
          }
        }
      }
    }
    Path sdk = Path.of(System.getProperty("ccsim.sdk", "target/sdk"));
    for (Map.Entry<String, String> artifact : ARTIFACTS.entrySet()) {
      Path folder = artifactFolder(ccsim, artifact.getKey());
      Files.copy(root().resolve(artifact.getValue()).resolve("pom.xml"), folder.resolve(fileName(artifact.getKey(), "pom")));
      Path jar = sdk.resolve(fileName(artifact.getKey(), "jar"));
      assertTrue(Files.isRegularFile(jar), "built by this reactor: " + jar);
      Files.copy(jar, folder.resolve(fileName(artifact.getKey(), "jar")));
    }
    for (Map.Entry<String, String> parent : PARENTS.entrySet()) {
      Files.copy(root().resolve(parent.getValue()).resolve("pom.xml"),
          artifactFolder(ccsim, parent.getKey()).resolve(fileName(parent.getKey(), "pom")));
    }
  }

  private static Path artifactFolder(Path ccsim, String artifactId) throws IOException {
    return Files.createDirectories(ccsim.resolve(artifactId).resolve(version()));
  }

  private static String fileName(String artifactId, String extension) {
    return artifactId + "-" + version() + "." + extension;
  }

  /** The Maven running this build ({@code maven.home}), else {@code MAVEN_HOME}, else {@code mvn} on the PATH. */
  static Path maven() {
    String executable = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
    List<Path> candidates = new ArrayList<>();
    for (String home : new String[] {System.getProperty("maven.home"), System.getenv("MAVEN_HOME")}) {
      if (home != null && !home.isBlank() && !home.startsWith("${")) {
        candidates.add(Path.of(home, "bin", executable));
      }
    }
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!folder.isBlank()) {
        candidates.add(Path.of(folder, executable));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst()
        .orElseGet(() -> fail("no Maven executable in maven.home, MAVEN_HOME or PATH: " + candidates));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
