package io.kirinuki.cli;

import io.kirinuki.search.IndexStats;
import io.kirinuki.search.SearchJson;
import io.kirinuki.search.Searcher;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kirinuki stats}: what the index holds. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Prints the counts of posts, articles and outlets, the date range and the index size.")
final class StatsCommand implements Callable<Integer> {
  @Mixin IndexDirOption index;

  @Option(names = "--json", description = "Print the numbers as JSON.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (Searcher searcher = Searcher.open(index.dir)) {
      IndexStats stats = searcher.stats();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(SearchJson.mapper().writeValueAsString(stats));
      } else {
        out.printf(Locale.ROOT, "posts      %d%n", stats.posts());
        out.printf(Locale.ROOT, "articles   %d%n", stats.articles());
        out.printf(Locale.ROOT, "outlets    %d%n", stats.outlets());
        out.printf(
            Locale.ROOT,
            "dates      %s .. %s%n",
            stats.firstDate() == null ? "-" : stats.firstDate(),
            stats.lastDate() == null ? "-" : stats.lastDate());
        out.printf(Locale.ROOT, "index size %.1f MB (%s)%n", stats.sizeBytes() / 1e6, index.dir);
      }
      out.flush();
    }
    return 0;
  }
}
