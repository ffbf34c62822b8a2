package io.kirinuki.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: lists the subcommands and holds the options every command shares. */
@Command(
    name = "kirinuki",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Full-text search over the news-clipping blog てらまち・ねっと.",
    subcommands = {
      IndexCommand.class,
      SearchCommand.class,
      ParseCommand.class,
      ServeCommand.class,
      StatsCommand.class,
      TrainCommand.class,
      CommandLine.HelpCommand.class
    })
public final class KirinukiCommand {

  @Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of failures.")
  boolean verbose;

  /** The configured command line that {@code Main} and the tests run. */
  public static CommandLine commandLine() {
    KirinukiCommand root = new KirinukiCommand();
    CommandLine cli = new CommandLine(root);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // `search マイナンバー -収賄`: an exclusion is part of the query, not an unknown option.
    cli.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
    cli.setExecutionExceptionHandler(new ErrorHandler(() -> root.verbose));
    return cli;
  }
}
