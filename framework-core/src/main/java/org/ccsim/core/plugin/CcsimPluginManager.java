package org.ccsim.core.plugin;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginWrapper;

/**
 * PF4J's plugin manager with extensions created by Guice ({@link GuiceExtensionFactory}). Plugin
 * JARs are read from one or more folders; each plugin gets its own class loader (plugin classes
 * first, then the host's: PF4J's default order) and its manifest's {@code Plugin-Requires} is
 * checked against the running ccsim version.
 *
 * <p>PF4J only logs a JAR it cannot load and a plugin it disables for its {@code Plugin-Requires};
 * this manager also keeps the reason, so that {@code ccsim plugins} and scenario validation can
 * say why a plugin does not work.
 */
final class CcsimPluginManager extends DefaultPluginManager {

  private Supplier<Injector> rootInjector;
  private final Map<Path, String> unloadable = new LinkedHashMap<>();
  private final Map<String, String> invalid = new LinkedHashMap<>();

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

  @Override
  protected PluginWrapper loadPluginFromPath(Path pluginPath) {
    try {
      return super.loadPluginFromPath(pluginPath);
    } catch (RuntimeException | LinkageError e) {
      unloadable.put(pluginPath, PluginFailure.unreadable(pluginPath, e, this::getPlugin));
      return null;
    }
  }

  @Override
  protected boolean isPluginValid(PluginWrapper plugin) {
    boolean valid = super.isPluginValid(plugin);
    if (!valid) {
      invalid.put(plugin.getPluginId(), "requires ccsim " + plugin.getDescriptor().getRequires()
          + ", this is ccsim " + getSystemVersion());
    }
    return valid;
  }

  /** The files that could not be loaded as plugins, with the reason. */
  Map<Path, String> unloadable() {
    return unloadable;
  }

  /** Why a loaded plugin was disabled, if PF4J disabled it for its {@code Plugin-Requires}. */
  String invalidReason(String pluginId) {
    return invalid.get(pluginId);
  }
}
