package org.ccsim.core.cli;

import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import org.ccsim.core.plugin.PluginHost;

/**
 * What the host opened while one command line ran, closed in reverse order when it ends: Guice
 * creates objects but does not close them.
 */
@Singleton
final class OpenResources implements AutoCloseable {

  private final Deque<PluginHost> open = new ArrayDeque<>();

  /** Keeps {@code host} to close it with the others; returns it. */
  synchronized PluginHost closeLater(PluginHost host) {
    open.push(host);
    return host;
  }

  @Override
  public synchronized void close() {
    while (!open.isEmpty()) {
      open.pop().close();
    }
  }
}
