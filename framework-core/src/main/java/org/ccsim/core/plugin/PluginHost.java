package org.ccsim.core.plugin;

import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ccsim.api.ComponentType;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads and starts the plugins in the given folders and indexes the component types they provide,
 * together with the host's built-in ones, in a {@link ComponentRegistry}.
 *
 * <p>A plugin that does not work is set aside with the reason, and every other plugin keeps
 * working: a file that is not a readable plugin JAR, a plugin whose {@code Plugin-Requires} excludes
 * this ccsim, one whose start throws, one whose component types cannot be loaded or created (a
 * class missing from the JAR, or a copy of framework-api bundled in it), and one providing a
 * component id that the host or a plugin earlier in precedence already provides. Precedence is the order of the folders, then the file name
 * within a folder. A named folder that is missing or is a file is skipped. Each of these gets one line in
 * {@link #warnings()}.
 */
public final class PluginHost implements AutoCloseable {

  /**
   * One plugin as {@code ccsim plugins} lists it.
   *
   * @param id the plugin id, or the file name when the file could not be read as a plugin
   * @param version the plugin version, {@code "?"} when unknown
   * @param state PF4J's state ({@code STARTED}, {@code DISABLED}, {@code FAILED}, ...)
   * @param components the component ids it provides (of a failed plugin: those known)
   * @param reason why it does not work; {@code null} when it is started
   */
  public record PluginInfo(String id, String version, String state, Path path, List<String> components,
      String reason) {

    public PluginInfo {
      components = List.copyOf(components);
    }

    boolean works() {
      return reason == null;
    }
  }

  private final CcsimPluginManager manager;
  private final ComponentRegistry registry;
  private final List<PluginInfo> plugins = new ArrayList<>();
  private final List<String> folderProblems = new ArrayList<>();
  private volatile boolean closed;

  /**
   * Loads and starts every plugin in {@code folders} (missing folders, and files named as folders, are
   * skipped with a warning).
   *
   * @param builtIns the host's own component types, which take precedence over plugins
   * @param root the host's injector: each plugin's extensions are created by a child of it
   */
  public PluginHost(List<Path> folders, String ccsimVersion, List<ComponentType<?>> builtIns, Injector root) {
    List<Path> existing = folders.stream().filter(Files::isDirectory).map(Path::toAbsolutePath).toList();
    for (Path folder : folders) {
      if (Files.isRegularFile(folder)) {
        folderProblems.add("plugin folder " + folder.toAbsolutePath() + " is a file; name the folder that holds the"
            + " plugin JARs (CCSIM_PLUGINS lists folders, separated by ':')");
      } else if (!Files.isDirectory(folder)) {
        folderProblems.add("plugin folder " + folder.toAbsolutePath() + " does not exist");
      }
    }
    manager = new CcsimPluginManager(existing, ccsimVersion, () -> root);
    manager.loadPlugins();
    manager.startPlugins();

    List<ComponentRegistry.Entry> entries = new ArrayList<>();
    Map<String, String> owners = new HashMap<>();
    for (ComponentType<?> type : builtIns) {
      entries.add(new ComponentRegistry.Entry(type, ComponentRegistry.BUILT_IN));
      owners.put(type.id(), ComponentRegistry.BUILT_IN);
    }
    List<PluginWrapper> loaded = manager.getPlugins().stream()
        .sorted(Comparator.<PluginWrapper>comparingInt(p -> folderIndex(existing, p.getPluginPath()))
            .thenComparing(p -> p.getPluginPath().toString()))
        .toList();
    for (PluginWrapper plugin : loaded) {
      plugins.add(admit(plugin, owners, entries));
    }
    manager.unloadable().forEach((path, reason) -> plugins.add(new PluginInfo(path.getFileName().toString(), "?",
        PluginState.FAILED.toString(), path, List.of(), path + " cannot be loaded as a plugin: " + reason)));
    registry = new ComponentRegistry(entries, plugins.stream().filter(p -> !p.works())
        .map(p -> new ComponentRegistry.Failure(p.id(), p.components(), p.reason())).toList());
  }

  /**
   * Checks a loaded plugin: a working one adds its component types to {@code entries} and its ids to
   * {@code owners}; one that fails is stopped and reported with the reason.
   */
  private PluginInfo admit(PluginWrapper plugin, Map<String, String> owners, List<ComponentRegistry.Entry> entries) {
    String id = plugin.getPluginId();
    String version = plugin.getDescriptor().getVersion();
    Path path = plugin.getPluginPath();
    if (plugin.getPluginState() != PluginState.STARTED) {
      String reason = plugin.getFailedException() != null
          ? "failed to start: " + PluginFailure.describe(plugin.getFailedException())
          : manager.invalidReason(id);
      return new PluginInfo(id, version, plugin.getPluginState().toString(), path, List.of(),
          reason == null ? "not started" : reason);
    }
    List<ComponentType<?>> types = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    String reason = bundlesOwnApi(plugin)
        ? "the JAR bundles its own copy of framework-api; declare framework-api provided" : null;
    try {
      for (String className : manager.getExtensionClassNames(id)) {
        Class.forName(className, false, plugin.getPluginClassLoader());
      }
      for (ComponentType<?> type : componentTypes(id)) {
        ids.add(type.id());
        type.kind();
        type.description();
        type.parameters();
        types.add(type);
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      reason = reason != null ? reason : "its components cannot be loaded: " + PluginFailure.describe(e);
    }
    for (int i = 0; i < ids.size() && reason == null; i++) {
      String componentId = ids.get(i);
      if (owners.containsKey(componentId)) {
        reason = "provides component id '" + componentId + "', which " + owners.get(componentId) + " already provides";
      } else if (ids.indexOf(componentId) != i) {
        reason = "provides component id '" + componentId + "' twice";
      }
    }
    if (reason == null) {
      types.forEach(t -> entries.add(new ComponentRegistry.Entry(t, id)));
      ids.forEach(componentId -> owners.put(componentId, "plugin " + id));
      return new PluginInfo(id, version, PluginState.STARTED.toString(), path, ids, null);
    }
    try {
      manager.stopPlugin(id);
    } catch (RuntimeException | LinkageError e) {
      // stopping a plugin that is already broken may fail too; it stays set aside either way
    }
    return new PluginInfo(id, version, PluginState.FAILED.toString(), path, ids, reason);
  }

  /** Whether the plugin's class loader finds its own {@code ComponentType}, which the host cannot use. */
  private static boolean bundlesOwnApi(PluginWrapper plugin) {
    try {
      return Class.forName(ComponentType.class.getName(), false, plugin.getPluginClassLoader()) != ComponentType.class;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static int folderIndex(List<Path> folders, Path pluginPath) {
    for (int i = 0; i < folders.size(); i++) {
      if (pluginPath.toAbsolutePath().startsWith(folders.get(i))) {
        return i;
      }
    }
    return folders.size();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<ComponentType<?>> componentTypes(String pluginId) {
    return (List) manager.getExtensions(ComponentType.class, pluginId);
  }

  /** The component types of the host and of every working plugin, and the plugins that failed. */
  public ComponentRegistry registry() {
    checkOpen();
    return registry;
  }

  /** The plugins found, in precedence order, then the files that could not be loaded. */
  public List<PluginInfo> plugins() {
    checkOpen();
    return List.copyOf(plugins);
  }

  /**
   * One line per problem found while loading, for the user: each named folder that is missing or is a
   * file, then each plugin that does not work and why (also listed by {@code ccsim plugins}).
   */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>(folderProblems);
    plugins.stream().filter(p -> !p.works()).forEach(p -> warnings.add("plugin " + p.id() + " does not work: "
        + p.reason()));
    return warnings;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the plugin host is closed: its plugins are unloaded");
    }
  }

  /** Stops and unloads every plugin; the host cannot be used after. */
  @Override
  public void close() {
    closed = true;
    manager.stopPlugins();
    manager.unloadPlugins();
  }
}
