package org.ccsim.core.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.pf4j.PluginWrapper;

/** Why a plugin failed, in one line: the innermost cause, which names what is actually wrong. */
final class PluginFailure {

  private PluginFailure() {
  }

  /**
   * Why PF4J could not load the plugin at {@code path}, in the user's terms where they can be found
   * (PF4J says only that no descriptor finder applies, or prints a whole descriptor): not a JAR, a
   * JAR without {@code Plugin-Id}, or one whose id {@code loaded} already knows.
   */
  static String unreadable(Path path, Throwable failure, Function<String, PluginWrapper> loaded) {
    if (Files.isDirectory(path)) {
      return "a folder with no plugin descriptor (plugin.properties or META-INF/MANIFEST.MF with Plugin-Id)";
    }
    try (JarFile jar = new JarFile(path.toFile())) {
      Manifest manifest = jar.getManifest();
      String id = manifest == null ? null : manifest.getMainAttributes().getValue("Plugin-Id");
      if (id == null) {
        return "its manifest has no Plugin-Id";
      }
      PluginWrapper other = loaded.apply(id);
      if (other != null) {
        return "its Plugin-Id '" + id + "' is already taken by " + other.getPluginPath();
      }
    } catch (IOException e) {
      return "not a readable JAR (" + e.getMessage() + ")";
    }
    return describe(failure);
  }

  /**
   * {@code "missing class org.example.Helper"} for a class the JAR does not contain (usually a library
   * it was compiled against but does not bundle), otherwise the innermost exception's class and message.
   */
  static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof ClassNotFoundException || root instanceof NoClassDefFoundError) {
      return "missing class " + String.valueOf(root.getMessage()).replace('/', '.');
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
    return root.getClass().getSimpleName() + message;
  }
}
