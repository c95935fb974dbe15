package org.ccsim.core.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import jakarta.inject.Singleton;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.ccsim.api.ComponentType;
import org.ccsim.api.compute.Parallel;
import org.ccsim.core.compute.JavaComputeType;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.core.optim.BuiltInOptimisers;
import org.ccsim.core.plugin.ComponentRegistry;
import org.ccsim.core.plugin.PluginHost;
import org.ccsim.core.results.Provenance;

/**
 * The host's object graph: the plugin host (one per injector, started on first use, its
 * {@linkplain PluginHost#warnings() warnings} printed on stderr, and closed with the
 * {@link OpenResources}), its component registry, the built-in component types (the optimisers
 * and the {@code java} compute backend), the {@link Parallel} service, and by just-in-time binding
 * the scenario reader and builder, the reporter and the commands ({@link GuiceCommandFactory}).
 * Plugin extensions are created by child injectors of this one, so a component type may ask for a
 * host service such as {@link Parallel} in an {@code @Inject} constructor.
 */
public final class HostModule extends AbstractModule {

  private final List<Path> pluginFolders;
  private final String version;

  /**
   * @param pluginFolders where plugin JARs are looked for, in order of precedence (missing ones are skipped with a warning)
   * @param version the ccsim version that plugins' {@code Plugin-Requires} are checked against
   */
  public HostModule(List<Path> pluginFolders, String version) {
    this.pluginFolders = List.copyOf(pluginFolders);
    this.version = version;
  }

  /**
   * The module the command line runs with: the plugin folders come from the system property
   * {@code ccsim.plugins} (folders separated by the platform's path separator; the launcher sets it
   * to the bundled plugins and any folders in {@code CCSIM_PLUGINS}).
   */
  static HostModule fromSystemProperties() {
    String folders = System.getProperty("ccsim.plugins", "plugins");
    return new HostModule(Arrays.stream(folders.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of)
        .toList(), systemVersion());
  }

  /** The ccsim version without a pre-release suffix, for checking {@code Plugin-Requires}. */
  static String systemVersion() {
    String version = Provenance.ccsimVersion();
    int dash = version.indexOf('-');
    return dash < 0 ? version : version.substring(0, dash);
  }

  @Override
  protected void configure() {
    bind(Parallel.class).toInstance(WorkSharing.COMMON);
    Multibinder<ComponentType<?>> builtIns = Multibinder.newSetBinder(binder(), new TypeLiteral<ComponentType<?>>() { });
    for (ComponentType<?> optimiser : BuiltInOptimisers.TYPES) {
      builtIns.addBinding().toInstance(optimiser);
    }
    builtIns.addBinding().to(JavaComputeType.class);
  }

  @Provides
  @Singleton
  PluginHost pluginHost(Set<ComponentType<?>> builtIns, Injector injector, OpenResources open) {
    PluginHost host = open.closeLater(new PluginHost(pluginFolders, version, List.copyOf(builtIns), injector));
    host.warnings().forEach(warning -> System.err.println("ccsim: warning: " + warning));
    return host;
  }

  @Provides
  ComponentRegistry registry(PluginHost host) {
    return host.registry();
  }
}
