package org.ccsim.core.plugin;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;

/**
 * PF4J's plugin manager with extensions created by Guice ({@link GuiceExtensionFactory}). Plugin
 * JARs are read from one or more folders; each plugin gets its own class loader and its manifest's
 * {@code Plugin-Requires} is checked against the running ccsim version.
 */
final class CcsimPluginManager extends DefaultPluginManager {

  private Supplier<Injector> rootInjector;

  CcsimPluginManager(List<Path> pluginFolders, String ccsimVersion, Supplier<Injector> rootInjector) {
    super(pluginFolders);
    this.rootInjector = rootInjector;
    setSystemVersion(ccsimVersion);
  }

  @Override
  protected ExtensionFactory createExtensionFactory() {
    // Called from the superclass constructor, before our fields are set: defer through a lambda.
    return new GuiceExtensionFactory(this, () -> rootInjector.get());
  }
}
