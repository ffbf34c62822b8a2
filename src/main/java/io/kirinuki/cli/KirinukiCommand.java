package io.kirinuki.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The root command: lists the subcommands and holds the options every command shares.
 *
 * <p>Its subcommands are added by {@link #commandLine(String...)}, not declared here: picocli
 * builds the model of every command it is given, and building all of them was a third of a second
 * of every start (`serve` included), when a run uses one.
 */
@Command(
    name = "kirinuki",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Full-text search over the news-clipping blog てらまち・ねっと.")
public final class KirinukiCommand {

  /** Every subcommand's name, in the order help lists them. */
  private static final List<String> SUBCOMMANDS =
      List.of("index", "search", "parse", "serve", "stats", "train-startup", "help");

  @Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of failures.")
  boolean verbose;

  /**
   * The configured command line that {@code Main} runs with {@code args}: when they start with a
   * subcommand's name, only that subcommand is built; otherwise (no arguments, help, a root option,
   * a typo) every one is, so that messages list them all.
   */
  public static CommandLine commandLine(String... args) {
    if (args.length > 0 && Preload.helps(args[0])) {
      Preload.start();
    }
    KirinukiCommand root = new KirinukiCommand();
    CommandLine cli = new CommandLine(root);
    if (args.length > 0 && SUBCOMMANDS.contains(args[0])) {
      cli.addSubcommand(args[0], newSubcommand(args[0]));
    } else {
      for (String name : SUBCOMMANDS) {
        cli.addSubcommand(name, newSubcommand(name));
      }
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    CommandLine search = cli.getSubcommands().get("search");
    if (search != null) {
      // `search マイナンバー -収賄`: an exclusion is part of the query, not an unknown option.
      search.setUnmatchedOptionsArePositionalParams(true);
    }
    cli.setExecutionExceptionHandler(new ErrorHandler(() -> root.verbose));
    return cli;
  }

  // A switch: a map of constructor references made JDK 25.0.3 crash, twice in a row, while it
  // wrote the AOT cache after the training run (archiveHeapWriter.cpp:757); this does not.
  private static Object newSubcommand(String name) {
    return switch (name) {
      case "index" -> new IndexCommand();
      case "search" -> new SearchCommand();
      case "parse" -> new ParseCommand();
      case "serve" -> new ServeCommand();
      case "stats" -> new StatsCommand();
      case "train-startup" -> new TrainCommand();
      case "help" -> new CommandLine.HelpCommand();
      default -> throw new IllegalArgumentException("no subcommand " + name);
    };
  }
}
