package io.kirinuki.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;

/**
 * Where the highlight query matches in each hit, for the highlighter's offsets (issue 6).
 *
 * <p>Lucene's highlighter, asked for weight matches, makes a searcher, rewrites the query and
 * builds its weight again for every hit and for every field a snippet is made of (the body and its
 * reading twin): with the matches themselves, 14 % of the samples of the 10 MB index's queries in
 * a JFR profile. Here the weight is built once per page of hits, on the whole index, and each
 * hit's matches are found once for both fields (the 10 MB mix took 0.94× the time). The matches
 * are the same: the weight is the one Lucene builds, asked on the hit's own segment.
 */
final class HitMatches {
  private final List<LeafReaderContext> leaves;
  private final IndexSearcher searcher;
  private Weight weight;
  private LeafReader lastLeaf;
  private int lastDoc = -1;
  private Matches lastMatches;

  /**
   * The matches in the hits of one page on {@code reader}, for one call of the highlighter (one
   * query); not thread-safe.
   */
  HitMatches(IndexReader reader) {
    this.leaves = reader.leaves();
    this.searcher = new IndexSearcher(reader);
    this.searcher.setQueryCache(null);
  }

  /** The offsets of a field's matches, as the highlighter's own postings strategy gives them. */
  PostingsOffsetStrategy strategy(UHComponents components) {
    return new PostingsOffsetStrategy(components) {
      @Override
      protected void createOffsetsEnumsWeightMatcher(
          LeafReader leaf, int doc, List<OffsetsEnum> results) throws IOException {
        Matches matches = of(components.query(), leaf, doc);
        if (matches == null) {
          return;
        }
        for (String field : matches) {
          if (components.fieldMatcher().test(field)) {
            MatchesIterator iterator = matches.getMatches(field);
            if (iterator != null) {
              results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
            }
          }
        }
      }
    };
  }

  /**
   * The matches of {@code query} (the same for every call) in document {@code doc} of segment
   * {@code leaf}, or null if it does not match.
   */
  private Matches of(Query query, LeafReader leaf, int doc) throws IOException {
    if (leaf == lastLeaf && doc == lastDoc) {
      return lastMatches;
    }
    if (weight == null) {
      weight =
          searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }
    lastLeaf = leaf;
    lastDoc = doc;
    lastMatches = weight.matches(contextOf(leaf), doc);
    return lastMatches;
  }

  private LeafReaderContext contextOf(LeafReader leaf) {
    for (LeafReaderContext context : leaves) {
      if (context.reader() == leaf) {
        return context;
      }
    }
    throw new IllegalArgumentException("The segment is not one of the searched index's.");
  }
}
