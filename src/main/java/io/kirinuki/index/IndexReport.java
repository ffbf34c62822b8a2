package io.kirinuki.index;

import java.util.List;
import java.util.Locale;

/**
 * What one indexing run did, counted outcome by outcome; the CLI prints {@link #summary()}.
 *
 * @param filesSeen source files found under the given paths, with the entries that could not
 *     be listed (indexed + unchanged + skipped = seen)
 * @param filesIndexed new or changed files that were parsed and written
 * @param filesUnchanged files skipped because their content hash had not changed
 * @param filesPruned files that no longer exist and whose posts were dropped ({@code --prune})
 * @param postsAdded posts new to the index
 * @param articlesAdded articles new to the index
 * @param duplicatePosts posts found again in another file (stored once, with several sources)
 * @param postsRemoved posts dropped because no file yields them any more
 * @param articlesRemoved articles dropped because no post quotes them any more
 * @param skipped files that could not be read, each with its reason
 * @param bytesRead bytes of the files that were parsed
 * @param elapsedMs wall time of the run
 * @param documents posts and articles in the index after the run
 */
public record IndexReport(
    int filesSeen,
    int filesIndexed,
    int filesUnchanged,
    int filesPruned,
    int postsAdded,
    int articlesAdded,
    int duplicatePosts,
    int postsRemoved,
    int articlesRemoved,
    List<SkippedFile> skipped,
    long bytesRead,
    long elapsedMs,
    long documents) {

  public IndexReport {
    skipped = List.copyOf(skipped);
  }

  /** A file that was not indexed, and why. */
  public record SkippedFile(String path, String reason) {}

  /** Megabytes of parsed text per second of wall time. */
  public double megabytesPerSecond() {
    return elapsedMs == 0 ? 0 : bytesRead / 1e6 / (elapsedMs / 1e3);
  }

  /** The one-line summary printed at the end of every run. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%d files (%d indexed, %d unchanged, %d skipped, %d pruned): +%d posts, +%d articles,"
            + " %d duplicate posts, -%d posts, -%d articles; %d documents in the index;"
            + " %.1f MB in %.1f s (%.2f MB/s)",
        filesSeen,
        filesIndexed,
        filesUnchanged,
        skipped.size(),
        filesPruned,
        postsAdded,
        articlesAdded,
        duplicatePosts,
        postsRemoved,
        articlesRemoved,
        documents,
        bytesRead / 1e6,
        elapsedMs / 1e3,
        megabytesPerSecond());
  }
}
