package org.ccsim.core.plugin;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ccsim.api.ComponentType;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads and starts the plugins in the given folders and indexes the component types they provide,
 * together with the host's built-in ones, in a {@link ComponentRegistry}.
 */
public final class PluginHost implements AutoCloseable {

  /** One plugin as {@code ccsim plugins} lists it. */
  public record PluginInfo(String id, String version, String state, Path path, List<String> components,
      String problem) {
  }

  private final CcsimPluginManager manager;
  private final ComponentRegistry registry;
  private final List<PluginInfo> plugins = new ArrayList<>();

  /**
   * Loads and starts every plugin in {@code folders} (missing folders are skipped).
   *
   * @param builtIns the host's own component types, which take precedence over plugins
   */
  public PluginHost(List<Path> folders, String ccsimVersion, List<ComponentType<?>> builtIns) {
    Injector root = Guice.createInjector();
    manager = new CcsimPluginManager(folders.stream().filter(java.nio.file.Files::isDirectory).toList(),
        ccsimVersion, () -> root);
    manager.loadPlugins();
    manager.startPlugins();

    List<ComponentRegistry.Entry> entries = new ArrayList<>();
    builtIns.forEach(type -> entries.add(new ComponentRegistry.Entry(type, ComponentRegistry.BUILT_IN)));
    for (PluginWrapper plugin : manager.getPlugins()) {
      List<String> ids = new ArrayList<>();
      String problem = plugin.getFailedException() == null ? null : plugin.getFailedException().toString();
      if (plugin.getPluginState() == PluginState.STARTED) {
        for (ComponentType<?> type : componentTypes(plugin.getPluginId())) {
          entries.add(new ComponentRegistry.Entry(type, plugin.getPluginId()));
          ids.add(type.id());
        }
      }
      plugins.add(new PluginInfo(plugin.getPluginId(), plugin.getDescriptor().getVersion(),
          plugin.getPluginState().toString(), plugin.getPluginPath(), List.copyOf(ids), problem));
    }
    registry = new ComponentRegistry(entries);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<ComponentType<?>> componentTypes(String pluginId) {
    return (List) manager.getExtensions(ComponentType.class, pluginId);
  }

  /** The component types of the host and of every started plugin. */
  public ComponentRegistry registry() {
    return registry;
  }

  /** The plugins found, in load order. */
  public List<PluginInfo> plugins() {
    return List.copyOf(plugins);
  }

  @Override
  public void close() {
    manager.stopPlugins();
    manager.unloadPlugins();
  }
}
