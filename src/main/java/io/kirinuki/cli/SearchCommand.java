package io.kirinuki.cli;

import io.kirinuki.search.Hit;
import io.kirinuki.search.SearchJson;
import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.SearchRequest.DocType;
import io.kirinuki.search.SearchRequest.Sort;
import io.kirinuki.search.SearchResult;
import io.kirinuki.search.Searcher;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kirinuki search}: runs one query against the index and prints the hits. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the hits of QUERY. Words separated by spaces must all match; \"...\" is an exact"
          + " phrase; -word excludes; OR between two words makes either enough.",
      "--json prints exactly the JSON of GET /api/search."
    })
final class SearchCommand implements Callable<Integer> {
  @Mixin IndexDirOption index;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Option(names = "--size", paramLabel = "N", defaultValue = "10", description = "Hits per page, 1..100 (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "Page number, from 1 (default: ${DEFAULT-VALUE}).")
  int page;

  @Option(names = "--type", paramLabel = "post|article", description = "Only posts or only articles.")
  DocType type;

  @Option(names = "--outlet", paramLabel = "NAME", description = "Only articles of this outlet (an alias such as 読売 or the full name).")
  String outlet;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only documents dated on or after this day.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only documents dated on or before this day.")
  LocalDate to;

  @Option(names = "--sort", paramLabel = "relevance|newest|oldest", defaultValue = "relevance", description = "Order of the hits (default: ${DEFAULT-VALUE}).")
  Sort sort;

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "The query; several arguments are joined with spaces.")
  List<String> query = List.of();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    SearchRequest request =
        new SearchRequest(String.join(" ", query), type, outlet, from, to, sort, page, size);
    try (Searcher searcher = Searcher.open(index.dir)) {
      SearchResult result = searcher.search(request);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(SearchJson.mapper().writeValueAsString(result));
      } else {
        print(out, result);
      }
      out.flush();
    }
    return 0;
  }

  private static void print(PrintWriter out, SearchResult result) {
    out.printf("%d hits (%d ms)%n", result.total(), result.tookMs());
    int rank = (result.page() - 1) * result.size();
    for (Hit hit : result.hits()) {
      rank++;
      out.printf(
          "%n%d. [%s] %s %s  %s%n",
          rank,
          hit.type(),
          hit.date() == null ? "----------" : hit.date(),
          hit.outlet() == null ? "" : hit.outlet(),
          hit.title());
      out.printf("   %s%n   id %s%s%n", plain(hit.snippet()), hit.id(), hit.postId() == null ? "" : "  post " + hit.postId());
    }
  }

  /** The snippet as terminal text: marks as «», entities decoded. */
  static String plain(String snippet) {
    return snippet
        .replace("<mark>", "«")
        .replace("</mark>", "»")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
