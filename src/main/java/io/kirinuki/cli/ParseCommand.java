package io.kirinuki.cli;

import io.kirinuki.corpus.Article;
import io.kirinuki.corpus.Outlets;
import io.kirinuki.corpus.PageDecoder;
import io.kirinuki.corpus.Post;
import io.kirinuki.corpus.PostJson;
import io.kirinuki.corpus.PostParser;
import io.kirinuki.corpus.Posts;
import io.kirinuki.corpus.SourceFiles;
import io.kirinuki.corpus.UnreadableFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kirinuki parse}: prints what the parser makes of blog pages, touching no index. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Prints the posts and quoted articles the parser finds in blog pages, touching no index.",
      "Folders are walked recursively for *.txt files. The same post found in several files"
          + " (an archive page and its own page) is printed once, with all its sources."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every file was parsed",
      "1:a file was skipped (named on stderr with the reason), or the command failed",
      "2:usage error"
    })
public final class ParseCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--json",
      description = "Print JSON Lines: one post a line, in the format of README.md.")
  boolean json;

  @Option(
      names = "--outlets",
      paramLabel = "FILE",
      description = "An outlet table to add to the bundled one (TSV, see README.md).")
  Path outletTable;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Blog pages, or folders of them.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PostParser parser =
        new PostParser(outletTable == null ? Outlets.load() : Outlets.load(outletTable));
    int[] skipped = {0};
    List<Path> paths =
        SourceFiles.list(
            files,
            (path, reason) -> {
              skipped[0]++;
              err.println("kirinuki parse: skipped " + path + ": " + reason);
            });
    List<Post> posts = new ArrayList<>();
    for (Path path : paths) {
      String name = path.toString();
      try {
        String text = PageDecoder.decode(Files.readAllBytes(path), name);
        List<Post> found = parser.parse(text, name);
        if (found.isEmpty()) {
          throw new UnreadableFileException(name, "no post in it, only page furniture");
        }
        posts.addAll(found);
      } catch (UnreadableFileException e) {
        skipped[0]++;
        err.println("kirinuki parse: skipped " + name + ": " + e.getMessage());
      } catch (IOException e) {
        skipped[0]++;
        err.println("kirinuki parse: skipped " + name + ": cannot read: " + e.getMessage());
      }
    }
    List<Post> merged = Posts.mergeDuplicates(posts);
    if (json) {
      for (Post post : merged) {
        out.println(PostJson.toJson(post));
      }
    } else {
      int articles = 0;
      for (Post post : merged) {
        printSummary(out, post);
        articles += post.articles().size();
      }
      out.printf(
          "%d files, %d posts, %d articles, %d duplicates, %d skipped%n",
          paths.size(), merged.size(), articles, posts.size() - merged.size(), skipped[0]);
    }
    out.flush();
    err.flush();
    return skipped[0] == 0 ? 0 : 1;
  }

  private static void printSummary(PrintWriter out, Post post) {
    out.printf(
        "%s  %s  comments %s  %s%n",
        post.id(),
        post.date() == null ? "(no date)" : post.date(),
        post.comments() == null ? "?" : post.comments(),
        post.title() == null ? "(no title)" : post.title());
    out.println("  from " + String.join(", ", post.sources()));
    for (Article a : post.articles()) {
      out.printf(
          "  %-10s  %s  %s%n",
          a.date() == null ? "(no date)" : a.date(),
          a.outlet() == null ? "(no outlet)" : a.outlet(),
          a.title());
    }
    for (String warning : post.warnings()) {
      out.println("  warning: " + warning);
    }
  }
}
