package org.ccsim.core.plugin;

/** Why a plugin failed, in one line: the innermost cause, which names what is actually wrong. */
final class PluginFailure {

  private PluginFailure() {
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
