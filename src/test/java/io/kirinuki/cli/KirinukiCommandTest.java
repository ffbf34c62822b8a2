package io.kirinuki.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class KirinukiCommandTest {
  static final Set<String> ALL =
      Set.of("index", "search", "parse", "serve", "stats", "train-startup", "help");

  @Test
  void aRunBuildsOnlyTheSubcommandItNames() {
    assertEquals(
        Set.of("serve"),
        KirinukiCommand.commandLine("serve", "--port", "0").getSubcommands().keySet());
    assertEquals(
        Set.of("index"), KirinukiCommand.commandLine("index", "--full").getSubcommands().keySet());
  }

  @Test
  void helpRootOptionsAndUnknownNamesSeeEverySubcommand() {
    for (List<String> args :
        List.of(
            List.<String>of(), List.of("--help"), List.of("--verbose", "stats"), List.of("serv"))) {
      assertEquals(
          ALL,
          KirinukiCommand.commandLine(args.toArray(String[]::new)).getSubcommands().keySet(),
          args.toString());
    }
    String help = KirinukiCommand.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
    for (String name : List.of("index", "search", "parse", "serve", "stats")) {
      assertTrue(help.contains("  " + name + " "), help);
    }
    assertTrue(!help.contains("train-startup"), "the training command stays hidden: " + help);
  }

  @Test
  void searchTakesAnExclusionAsPartOfTheQuery() {
    CommandLine cli = KirinukiCommand.commandLine("search", "マイナンバー", "-収賄");
    CommandLine.ParseResult parsed = cli.parseArgs("search", "マイナンバー", "-収賄");
    assertEquals(
        List.of("マイナンバー", "-収賄"),
        parsed.subcommand().matchedPositionals().stream()
            .flatMap(p -> p.stringValues().stream())
            .toList());
  }
}
