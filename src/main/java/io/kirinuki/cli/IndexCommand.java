package io.kirinuki.cli;

import io.kirinuki.analysis.Analyzers;
import io.kirinuki.corpus.Outlets;
import io.kirinuki.corpus.PostParser;
import io.kirinuki.corpus.SourceFiles;
import io.kirinuki.index.IndexReport;
import io.kirinuki.index.IndexReport.SkippedFile;
import io.kirinuki.index.Indexer;
import io.kirinuki.index.SourceText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kirinuki index}: parses blog pages and brings the index up to date. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Reads files and folders (recursively), parses blog pages into posts and quoted articles,"
          + " and updates the index.",
      "Incremental by default: an unchanged file is skipped, a changed file replaces what it"
          + " produced. A bad file is skipped and named, never fatal.",
      "Exit code 0 when every file was indexed or unchanged, 1 when some were skipped (listed on"
          + " stderr) or the run failed."
    })
final class IndexCommand implements Callable<Integer> {
  @Mixin IndexDirOption index;

  @Option(
      names = "--full",
      description =
          "Rebuild from scratch; the new index replaces the old one in one commit, and until then"
              + " the old one stays readable.")
  boolean full;

  @Option(names = "--prune", description = "Drop what came from files that no longer exist.")
  boolean prune;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads for parsing and analysis (default: one per core, ${DEFAULT-VALUE}).",
      defaultValue = "${sys:kirinuki.threads:-0}")
  int threads;

  @Option(
      names = "--commit-every",
      paramLabel = "FILES",
      defaultValue = "0",
      description =
          "Also commit after this many indexed files (incremental runs; default: every 128 MB of"
              + " input). A crash loses at most the files since the last commit.")
  int commitEvery;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders to index.")
  List<Path> paths;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<SkippedFile> unlisted = new ArrayList<>();
    List<SourceText> sources = new ArrayList<>();
    for (Path file : SourceFiles.list(paths, (p, why) -> unlisted.add(new SkippedFile(p.toString(), why)))) {
      sources.add(SourceText.of(file));
    }
    int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    Indexer indexer =
        new Indexer(
            index.dir,
            Analyzers.load(),
            new PostParser(Outlets.load()),
            new Indexer.Settings(workers, full, prune, commitEvery));
    boolean verbose = ((KirinukiCommand) spec.root().userObject()).verbose;
    IndexReport report;
    if (Terminal.isInteractive()) {
      try (ProgressBar bar =
          ProgressBar.builder()
              .setTaskName("Indexing")
              .setStyle(ProgressBarStyle.ASCII)
              .setUnit(" MB", 1_000_000)
              .showSpeed(new java.text.DecimalFormat("0.0"))
              .build()) {
        report = indexer.index(sources, unlisted, new BarProgress(bar, verbose ? err : null));
      }
    } else {
      report = indexer.index(sources, unlisted, new LogProgress(verbose ? err : null));
    }
    out.println(report.summary());
    out.flush();
    for (SkippedFile skipped : report.skipped()) {
      err.println("skipped " + skipped.path() + ": " + skipped.reason());
    }
    err.flush();
    return report.skipped().isEmpty() ? 0 : 1;
  }

  /** Logs each commit to stderr with --verbose; says nothing otherwise. */
  private static class LogProgress implements Indexer.Progress {
    private final PrintWriter log;

    LogProgress(PrintWriter log) {
      this.log = log;
    }

    @Override
    public void committed(int files) {
      if (log != null) {
        log.println("committed after " + files + " files");
        log.flush();
      }
    }
  }

  /** Feeds the indexer's progress into a terminal progress bar (files, MB, MB/s, ETA). */
  private static final class BarProgress extends LogProgress {
    private final ProgressBar bar;
    private int files;
    private int done;

    BarProgress(ProgressBar bar, PrintWriter log) {
      super(log);
      this.bar = bar;
    }

    @Override
    public void start(int files, long bytes) {
      this.files = files;
      bar.maxHint(bytes);
    }

    @Override
    public void advance(long bytes) {
      done++;
      bar.stepBy(bytes);
      bar.setExtraMessage(" " + done + "/" + files + " files");
    }
  }
}
