package org.ccsim.core.cli;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import picocli.CommandLine;

/**
 * Lets picocli create the commands through Guice, so that they receive the host's services by
 * constructor injection. What Guice cannot make (picocli's own helpers, collection types of
 * options) picocli's default factory makes.
 */
final class GuiceCommandFactory implements CommandLine.IFactory {

  private final Injector injector;

  GuiceCommandFactory(Injector injector) {
    this.injector = injector;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      return injector.getInstance(type);
    } catch (ConfigurationException e) {
      return CommandLine.defaultFactory().create(type);
    }
  }
}
