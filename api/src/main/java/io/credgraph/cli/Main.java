package io.credgraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code credgraph} command line: {@code serve}, {@code demo} and the data commands. */
@Command(
    name = "credgraph",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "The credit graph engine of a city: checks, joint sanctions and the HTTP API.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      LoadCommand.class,
      GenerateCommand.class,
      BenchCeilingCommand.class,
      KeysCommand.class,
      AuditCommand.class,
      BenchAuditCommand.class,
      ImportFtmCommand.class,
      ExportFtmCommand.class,
      ImportIcijCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * The command line with every subcommand registered; errors are printed as one line, not a stack
   * trace.
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("credgraph " + cmd.getCommandName() + ": " + e.getMessage());
          return 1;
        });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"credgraph " + io.credgraph.api.ApiConfig.implementationVersion()};
    }
  }
}
