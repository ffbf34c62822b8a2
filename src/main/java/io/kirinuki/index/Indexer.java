package io.kirinuki.index;

import io.kirinuki.analysis.Analyzers;
import io.kirinuki.corpus.Article;
import io.kirinuki.corpus.PageDecoder;
import io.kirinuki.corpus.Post;
import io.kirinuki.corpus.PostParser;
import io.kirinuki.corpus.UnreadableFileException;
import io.kirinuki.index.DocumentMapper.SourceRecord;
import io.kirinuki.index.IndexReport.SkippedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Owns the {@link IndexWriter}: reads source files, parses them, and brings the index up to date.
 *
 * <p>Commit semantics (what a crash can lose): every file is written as one atomic block (its
 * bookkeeping record plus the posts and articles it brings), so a commit never holds half a file.
 * An incremental run commits every {@link #COMMIT_INTERVAL_BYTES} of input and at the end; a crash
 * loses at most the files since the last commit, and a rerun redoes exactly those (their records
 * are missing or carry the old hash). Documents are only deleted once nothing refers to them; a
 * crash between a file's update and that clean-up leaves orphans, which the next run removes first.
 * A {@code --full} run opens the index in {@link OpenMode#CREATE} and commits once at the end:
 * until then readers keep the old commit, so a killed rebuild leaves the old index intact and
 * served.
 */
public final class Indexer {
  /** Input bytes between two commits of an incremental run. */
  public static final long COMMIT_INTERVAL_BYTES = 128L * 1024 * 1024;

  /** RAM the writer buffers before it flushes a segment. */
  static final double RAM_BUFFER_MB = 256;

  /** Files parsed ahead of the writer, per thread: bounds the memory held by parsed files. */
  private static final int PARSE_AHEAD_PER_THREAD = 4;

  private final Path indexDir;
  private final Analyzers analyzers;
  private final PostParser parser;
  private final DocumentMapper mapper;
  private final Settings settings;

  /**
   * How a run behaves.
   *
   * @param threads worker threads for parsing and analysis (at least 1)
   * @param full rebuild from scratch and swap the new index in with one commit
   * @param prune drop what came from files that no longer exist
   * @param commitEveryFiles an incremental run also commits after this many indexed files (0: only
   *     by {@link #COMMIT_INTERVAL_BYTES})
   */
  public record Settings(int threads, boolean full, boolean prune, int commitEveryFiles) {
    public Settings {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, was " + threads);
      }
      if (commitEveryFiles < 0) {
        throw new IllegalArgumentException("commitEveryFiles must be 0 or more");
      }
    }

    public Settings(int threads, boolean full, boolean prune) {
      this(threads, full, prune, 0);
    }

    /** Incremental, no pruning, one thread per core. */
    public static Settings defaults() {
      return new Settings(Runtime.getRuntime().availableProcessors(), false, false);
    }
  }

  /** Told about progress, for a progress bar; called from the indexing thread. */
  public interface Progress {
    Progress NONE = new Progress() {};

    default void start(int files, long bytes) {}

    default void advance(long bytes) {}

    /** A commit was made after {@code files} files of this run. */
    default void committed(int files) {}
  }

  public Indexer(Path indexDir, Analyzers analyzers, PostParser parser, Settings settings) {
    this.indexDir = indexDir;
    this.analyzers = analyzers;
    this.parser = parser;
    this.mapper = new DocumentMapper(analyzers);
    this.settings = settings;
  }

  /**
   * Indexes the sample posts bundled in the jar when the index is missing or holds no posts or
   * articles; used by {@code serve} on a fresh clone.
   *
   * @return true when it indexed the samples
   */
  public static boolean indexSamplesIfEmpty(Path indexDir) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir)) {
      // The commit's segment list says how many live documents there are without opening the
      // segments (on 1 GB, opening them a first time cost serve a tenth of its start).
      if (DirectoryReader.indexExists(dir)
          && liveDocuments(SegmentInfos.readLatestCommit(dir)) > 0) {
        return false;
      }
    }
    Analyzers analyzers = Analyzers.load();
    PostParser parser = new PostParser(io.kirinuki.corpus.Outlets.load());
    new Indexer(indexDir, analyzers, parser, Settings.defaults())
        .index(SourceText.bundledSamples(), Progress.NONE);
    return true;
  }

  private static long liveDocuments(SegmentInfos commit) {
    long live = 0;
    for (SegmentCommitInfo segment : commit) {
      live += segment.info.maxDoc() - segment.getDelCount() - segment.getSoftDelCount();
    }
    return live;
  }

  /** Brings the index up to date with the given sources and commits. */
  public IndexReport index(List<SourceText> sources, Progress progress) throws IOException {
    return index(sources, List.of(), progress);
  }

  /**
   * As {@link #index(List, Progress)}.
   *
   * @param skippedWhileListing files the lister could not read, reported as skipped
   */
  public IndexReport index(
      List<SourceText> sources, List<SkippedFile> skippedWhileListing, Progress progress)
      throws IOException {
    long started = System.nanoTime();
    IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer(analyzers));
    config.setOpenMode(settings.full() ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(RAM_BUFFER_MB);
    config.setCodec(new KirinukiCodec());
    config.setCommitOnClose(false);
    try (Directory dir = FSDirectory.open(indexDir);
        IndexWriter writer = openWriter(dir, config)) {
      if (!settings.full()) {
        checkSchema(writer);
      }
      writer.setLiveCommitData(Map.of(Schema.VERSION_KEY, Schema.VERSION).entrySet());
      IndexState state = settings.full() ? IndexState.empty() : IndexState.read(writer);
      Run run = new Run(writer, state, progress, skippedWhileListing);
      // Orphans left by a crashed run (see the class comment) go first.
      run.deleteOrphans(state.orphanPosts(), state.orphanArticles());
      run.indexAll(sources);
      run.forgetFailedBlocks();
      if (settings.prune()) {
        run.prune(sources);
      }
      run.deleteOrphans(state.orphanPosts(), state.orphanArticles());
      writer.commit();
      long documents = state.documentCount();
      return run.report(documents, (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** An index made by another schema cannot take new documents; only a rebuild can fix it. */
  private void checkSchema(IndexWriter writer) throws IOException {
    if (!DirectoryReader.indexExists(writer.getDirectory())) {
      return;
    }
    SegmentInfos commit = SegmentInfos.readLatestCommit(writer.getDirectory());
    Schema.checkVersion(commit.getUserData(), commit.totalMaxDoc(), indexDir);
  }

  private IndexWriter openWriter(Directory dir, IndexWriterConfig config) throws IOException {
    try {
      return new IndexWriter(dir, config);
    } catch (LockObtainFailedException e) {
      throw new IOException(
          "another kirinuki index run is writing to " + indexDir + "; wait for it to finish", e);
    }
  }

  /** The state and counters of one run. */
  private final class Run {
    private final IndexWriter writer;
    private final IndexState state;
    private final Progress progress;
    private final List<SkippedFile> skipped;
    private final ExecutorService pool;
    private final Semaphore writesInFlight;
    private final List<Future<?>> pendingWrites = Collections.synchronizedList(new ArrayList<>());
    private final List<FailedBlock> failedBlocks = Collections.synchronizedList(new ArrayList<>());
    private int filesSeen;
    private int filesIndexed;
    private int filesUnchanged;
    private int filesPruned;
    private int postsAdded;
    private int articlesAdded;
    private int duplicatePosts;
    private int postsRemoved;
    private int articlesRemoved;
    private long bytesRead;
    private long bytesSinceCommit;
    private int filesSinceCommit;

    Run(IndexWriter writer, IndexState state, Progress progress, List<SkippedFile> skipped) {
      this.writer = writer;
      this.state = state;
      this.progress = progress;
      this.skipped = new ArrayList<>(skipped);
      this.pool =
          Executors.newFixedThreadPool(
              settings.threads(),
              Thread.ofPlatform().daemon().name("kirinuki-index-", 0).factory());
      this.writesInFlight = new Semaphore(settings.threads() * 2);
    }

    void indexAll(List<SourceText> sources) throws IOException {
      // Entries the lister could not read count too, so that the summary's parts add up.
      filesSeen = sources.size() + skipped.size();
      progress.start(sources.size(), sources.stream().mapToLong(SourceText::size).sum());
      try {
        ArrayDeque<Future<Parsed>> ahead = new ArrayDeque<>();
        int next = 0;
        int window = settings.threads() * PARSE_AHEAD_PER_THREAD;
        while (next < sources.size() || !ahead.isEmpty()) {
          while (next < sources.size() && ahead.size() < window) {
            SourceText source = sources.get(next++);
            String knownHash = state.hashOf(source.path());
            ahead.add(pool.submit(() -> parse(source, knownHash)));
          }
          apply(await(ahead.poll()));
          if (!settings.full() && commitDue()) {
            drainWrites();
            writer.commit();
            bytesSinceCommit = 0;
            filesSinceCommit = 0;
            progress.committed(filesIndexed + filesUnchanged + skipped.size());
          }
        }
        drainWrites();
      } finally {
        pool.shutdownNow();
      }
    }

    private boolean commitDue() {
      return bytesSinceCommit >= COMMIT_INTERVAL_BYTES
          || (settings.commitEveryFiles() > 0 && filesSinceCommit >= settings.commitEveryFiles());
    }

    /** Runs on a worker: reads, hashes and (when changed) parses one file. */
    private Parsed parse(SourceText source, String knownHash) {
      byte[] bytes;
      try {
        bytes = source.read();
      } catch (IOException e) {
        return Parsed.skipped(source, 0, "cannot be read: " + e.getMessage());
      }
      String hash = sha256(bytes);
      if (hash.equals(knownHash)) {
        return new Parsed(source, bytes.length, hash, null, null);
      }
      try {
        String text = PageDecoder.decode(bytes, source.path());
        List<Post> posts = parser.parse(text, source.path());
        if (posts.isEmpty()) {
          // Skipped and named, as `kirinuki parse` does; counted as indexed, it vanished silently.
          return Parsed.skipped(source, bytes.length, "no post in it, only page furniture");
        }
        return new Parsed(source, bytes.length, hash, posts, null);
      } catch (UnreadableFileException e) {
        return Parsed.skipped(source, bytes.length, e.getMessage());
      } catch (RuntimeException e) {
        // A parser bug must not stop the run: the file is named and skipped.
        return Parsed.skipped(source, bytes.length, "could not be parsed (" + e + ")");
      }
    }

    /** Runs on the coordinating thread, in file order: plans the file's block and submits it. */
    private void apply(Parsed parsed) {
      progress.advance(parsed.source().size());
      if (parsed.skipReason() != null) {
        skipped.add(new SkippedFile(parsed.source().path(), parsed.skipReason()));
        return;
      }
      if (parsed.posts() == null) {
        filesUnchanged++;
        return;
      }
      filesIndexed++;
      filesSinceCommit++;
      bytesRead += parsed.bytes();
      bytesSinceCommit += parsed.bytes();
      // What the block will hold, decided here in file order; the documents themselves (Kuromoji
      // and all) are made by the worker that writes the block, so analysis runs on every thread.
      List<Supplier<Document>> plan = new ArrayList<>();
      Set<String> added = new HashSet<>();
      Set<String> postIds = new LinkedHashSet<>();
      int posts = 0;
      int articles = 0;
      for (Post post : parsed.posts()) {
        if (!postIds.add(post.id())) {
          continue; // the same post twice on one page counts once
        }
        if (state.hasPost(post.id())) {
          duplicatePosts++;
          continue;
        }
        List<String> articleIds = new ArrayList<>();
        for (Article article : post.articles()) {
          articleIds.add(article.id());
          if (state.addArticle(article.id())) {
            articles++;
            added.add(article.id());
            plan.add(() -> mapper.article(article));
          }
        }
        state.addPost(post.id(), articleIds);
        posts++;
        added.add(post.id());
        plan.add(() -> mapper.post(post));
      }
      postsAdded += posts;
      articlesAdded += articles;
      String path = parsed.source().path();
      SourceRecord record =
          new SourceRecord(
              SourceText.fileId(path), path, parsed.hash(), parsed.bytes(), List.copyOf(postIds));
      state.putFile(path, parsed.hash(), List.copyOf(postIds));
      added.add(record.id());
      plan.add(0, () -> mapper.sourceFile(record));
      submitWrite(
          new Term(Schema.ID, record.id()),
          plan,
          new FailedBlock(path, added, posts, articles, null));
    }

    private void submitWrite(Term replaced, List<Supplier<Document>> plan, FailedBlock ifFailed) {
      writesInFlight.acquireUninterruptibly();
      pendingWrites.add(
          pool.submit(
              () -> {
                try {
                  List<Document> block = new ArrayList<>(plan.size());
                  for (Supplier<Document> document : plan) {
                    block.add(document.get());
                  }
                  // One atomic block: a commit holds all of this file or none of it.
                  writer.updateDocuments(replaced, block);
                } catch (IllegalArgumentException e) {
                  // Lucene refuses the whole block (an immense term, say); the file is skipped.
                  failedBlocks.add(ifFailed.because(e.getMessage()));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                } finally {
                  writesInFlight.release();
                }
              }));
    }

    /**
     * Forgets what failed blocks would have added, and drops the records of files that counted on
     * those documents, so that the next run indexes them again.
     */
    void forgetFailedBlocks() throws IOException {
      if (failedBlocks.isEmpty()) {
        return;
      }
      Set<String> missing = new HashSet<>();
      for (FailedBlock failed : failedBlocks) {
        skipped.add(
            new SkippedFile(failed.path(), "could not be indexed (" + failed.reason() + ")"));
        filesIndexed--;
        postsAdded -= failed.posts();
        articlesAdded -= failed.articles();
        missing.addAll(failed.ids());
        state.removeFile(failed.path());
      }
      for (String id : missing) {
        state.removePost(id);
        state.removeArticle(id);
      }
      for (String path : state.filesReferencing(missing)) {
        writer.deleteDocuments(new Term(Schema.ID, SourceText.fileId(path)));
        state.removeFile(path);
      }
    }

    private void drainWrites() throws IOException {
      List<Future<?>> writes;
      synchronized (pendingWrites) {
        writes = new ArrayList<>(pendingWrites);
        pendingWrites.clear();
      }
      for (Future<?> write : writes) {
        await(write);
      }
    }

    void prune(List<SourceText> present) throws IOException {
      Set<String> paths = new HashSet<>();
      for (SourceText source : present) {
        paths.add(source.path());
      }
      for (String path : new ArrayList<>(state.filePaths())) {
        if (!paths.contains(path) && !SourceText.exists(path)) {
          writer.deleteDocuments(new Term(Schema.ID, SourceText.fileId(path)));
          state.removeFile(path);
          filesPruned++;
        }
      }
    }

    void deleteOrphans(Collection<String> posts, Collection<String> articles) throws IOException {
      for (String postId : List.copyOf(posts)) {
        writer.deleteDocuments(new Term(Schema.ID, postId));
        state.removePost(postId);
        postsRemoved++;
      }
      for (String articleId : List.copyOf(articles)) {
        writer.deleteDocuments(new Term(Schema.ID, articleId));
        state.removeArticle(articleId);
        articlesRemoved++;
      }
    }

    IndexReport report(long documents, long elapsedMs) {
      return new IndexReport(
          filesSeen,
          filesIndexed,
          filesUnchanged,
          filesPruned,
          postsAdded,
          articlesAdded,
          duplicatePosts,
          postsRemoved,
          articlesRemoved,
          skipped,
          bytesRead,
          elapsedMs,
          documents);
    }
  }

  private static <T> T await(Future<T> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("indexing was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof java.io.UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(cause);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A file whose block Lucene refused, and the ids the block would have added. */
  private record FailedBlock(String path, Set<String> ids, int posts, int articles, String reason) {
    FailedBlock because(String why) {
      return new FailedBlock(path, ids, posts, articles, why);
    }
  }

  /** One source file after the worker looked at it. */
  private record Parsed(
      SourceText source, long bytes, String hash, List<Post> posts, String skipReason) {
    static Parsed skipped(SourceText source, long bytes, String reason) {
      return new Parsed(source, bytes, null, null, reason);
    }
  }
}
