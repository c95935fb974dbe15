package org.example.shared;

/**
 * The host's copy of a library that two test plugins bundle in other versions
 * ({@code org.ccsim.distribution.PluginIsolationTest}): each plugin must see its own copy, and the
 * host this one.
 */
public final class Library {

  private Library() {
  }

  /** Which copy this is. */
  public static String version() {
    return "host";
  }
}
