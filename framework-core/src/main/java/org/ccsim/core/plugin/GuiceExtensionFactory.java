package org.ccsim.core.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * Creates PF4J extensions through Guice. The host owns the root injector (given lazily, since the
 * plugin manager exists before it); each plugin gets a child injector whose module binds that
 * plugin's extension classes explicitly, as singletons. Extensions on the host's own class path
 * come from the root injector.
 */
final class GuiceExtensionFactory implements ExtensionFactory {

  private final PluginManager plugins;
  private final Supplier<Injector> rootInjector;
  private final Map<String, Injector> pluginInjectors = new ConcurrentHashMap<>();

  GuiceExtensionFactory(PluginManager plugins, Supplier<Injector> rootInjector) {
    this.plugins = plugins;
    this.rootInjector = rootInjector;
  }

  @Override
  public <T> T create(Class<T> extensionClass) {
    PluginWrapper plugin = plugins.whichPlugin(extensionClass);
    Injector injector = plugin == null
        ? rootInjector.get()
        : pluginInjectors.computeIfAbsent(plugin.getPluginId(), id -> childInjector(plugin));
    return injector.getInstance(extensionClass);
  }

  private Injector childInjector(PluginWrapper plugin) {
    Set<String> classNames = plugins.getExtensionClassNames(plugin.getPluginId());
    ClassLoader loader = plugin.getPluginClassLoader();
    return rootInjector.get().createChildInjector(new AbstractModule() {
      @Override
      protected void configure() {
        for (String name : classNames) {
          try {
            bind(Class.forName(name, false, loader)).in(Singleton.class);
          } catch (ClassNotFoundException e) {
            addError("plugin %s lists extension %s, which it does not contain", plugin.getPluginId(), name);
          }
        }
      }
    });
  }
}
