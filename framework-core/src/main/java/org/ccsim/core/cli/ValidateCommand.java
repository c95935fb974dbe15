package org.ccsim.core.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.build.ScenarioBuilder;
import org.ccsim.core.scenario.Scenario;
import org.ccsim.core.scenario.ScenarioException;
import org.ccsim.core.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ccsim validate SCENARIO...}: the full check of {@code run}, including the dry step and the
 * memory of a training unit (a run on one thread must fit in the heap; {@code run} also checks its threads).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check scenarios completely (JSON, parameters, component ids, sizes, memory on one thread, one dry step) without running them.")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "scenario files")
  List<Path> files;

  @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a value before validation")
  List<String> overrides = List.of();

  @Option(names = "--data", paramLabel = "DIR",
      description = "search DIR first for dataset folders named relatively, before CCSIM_DATA and /usr/share/datasets; may be repeated")
  List<Path> data = List.of();

  private final Provider<ScenarioReader> reader;
  private final Provider<ScenarioBuilder> builder;

  @Inject
  ValidateCommand(Provider<ScenarioReader> reader, Provider<ScenarioBuilder> builder) {
    this.reader = reader;
    this.builder = builder;
  }

  @Override
  public Integer call() {
    int exit = Main.OK;
    for (Path file : files) {
      try {
        Scenario scenario = reader.get().withDataFolders(data).read(file, overrides);
        BuiltScenario built = builder.get().build(scenario, file.toString());
        System.out.printf("%s: ok (%d rules x %d replicates x %d epochs)%n", file, built.scenario().rules().size(),
            scenario.replicates(), scenario.totalEpochs());
      } catch (ScenarioException e) {
        System.err.println(e.getMessage());
        exit = Main.BAD_INPUT;
      }
    }
    return exit;
  }
}
