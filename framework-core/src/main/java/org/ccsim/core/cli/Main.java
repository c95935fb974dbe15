package org.ccsim.core.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.ccsim.core.results.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ccsim} command. Exit codes: 0 success, 1 run failed, 2 bad input. */
@Command(name = "ccsim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Train recurrent cortical networks with learning rules that approximate BPTT, side by side.",
    subcommands = {RunCommand.class, WorkCommand.class, StatusCommand.class, ValidateCommand.class, PluginsCommand.class, DescribeCommand.class,
        ReportCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  /** Success. */
  static final int OK = 0;
  /** The run failed. */
  static final int FAILED = 1;
  /** Bad input: scenario, arguments or plugin. */
  static final int BAD_INPUT = 2;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code. */
  public static int execute(String... args) {
    Injector injector = Guice.createInjector(HostModule.fromSystemProperties());
    try (OpenResources open = injector.getInstance(OpenResources.class)) {
      return new CommandLine(Main.class, new GuiceCommandFactory(injector)).execute(args);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ccsim " + Provenance.ccsimVersion()};
    }
  }
}
