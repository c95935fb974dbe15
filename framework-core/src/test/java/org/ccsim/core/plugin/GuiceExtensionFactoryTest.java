package org.ccsim.core.plugin;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.Mockito.mock;

import com.google.inject.Guice;
import com.google.inject.Injector;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.ccsim.api.compute.Parallel;
import org.ccsim.core.cli.HostModule;
import org.ccsim.core.compute.WorkSharing;
import org.junit.jupiter.api.Test;
import org.pf4j.PluginManager;

/** Component types are created by Guice and may ask for the host's services in their constructor. */
class GuiceExtensionFactoryTest {

  /** A component type that wants the host's {@link Parallel} service. */
  static final class WantsParallel {
    final Parallel parallel;

    @Inject
    WantsParallel(Parallel parallel) {
      this.parallel = parallel;
    }
  }

  @Test
  void anExtensionOnTheHostsClassPathReceivesHostServicesByInjection() {
    Injector host = Guice.createInjector(new HostModule(List.of(Path.of("no-plugins")), "0.1.0"));
    PluginManager noPlugins = mock(PluginManager.class);
    WantsParallel type = new GuiceExtensionFactory(noPlugins, () -> host).create(WantsParallel.class);
    assertSame(WorkSharing.COMMON, type.parallel);
  }
}
