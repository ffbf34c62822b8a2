package io.kirinuki.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The documents a search matched, per segment of one reader, and how many.
 *
 * <p>A search counts and facets every match without scores, then scores only the best ones (issue
 * 6). The second pass takes its documents from here ({@link #query}) instead of matching the words
 * again, which for a phrase means reading its positions again.
 */
final class MatchedDocs {
  private final FixedBitSet[] leaves;
  private final int[] counts;
  private final long count;

  private MatchedDocs(FixedBitSet[] leaves, int[] counts, long count) {
    this.leaves = leaves;
    this.counts = counts;
    this.count = count;
  }

  /** How many documents matched. */
  long count() {
    return count;
  }

  /**
   * A filter that matches exactly these documents, scoring 0; valid only on the reader they were
   * collected from.
   */
  Query query() {
    return new Filter();
  }

  /** Records the matches of a search on {@code reader}. */
  static CollectorManager<Recorder, MatchedDocs> manager(IndexReader reader) {
    return new CollectorManager<>() {
      @Override
      public Recorder newCollector() {
        return new Recorder(reader.leaves().size());
      }

      @Override
      public MatchedDocs reduce(Collection<Recorder> recorders) {
        FixedBitSet[] leaves = new FixedBitSet[reader.leaves().size()];
        int[] counts = new int[leaves.length];
        long count = 0;
        for (Recorder recorder : recorders) {
          for (int ord = 0; ord < leaves.length; ord++) {
            if (recorder.leaves[ord] != null) {
              leaves[ord] = recorder.leaves[ord];
              counts[ord] = recorder.counts[ord];
              count += recorder.counts[ord];
            }
          }
        }
        return new MatchedDocs(leaves, counts, count);
      }
    };
  }

  /** One search slice's recorder: a bit set and a count per segment it visits. */
  static final class Recorder implements Collector {
    private final FixedBitSet[] leaves;
    private final int[] counts;

    private Recorder(int leafCount) {
      this.leaves = new FixedBitSet[leafCount];
      this.counts = new int[leafCount];
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      int ord = context.ord;
      FixedBitSet bits = new FixedBitSet(context.reader().maxDoc());
      leaves[ord] = bits;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          bits.set(doc);
          counts[ord]++;
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  private final class Filter extends Query {
    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
      return new ConstantScoreWeight(this, boost) {
        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) {
          int ord = context.ord;
          FixedBitSet bits = ord < leaves.length ? leaves[ord] : null;
          if (bits == null || counts[ord] == 0 || bits.length() != context.reader().maxDoc()) {
            return null;
          }
          // The count was kept while collecting: the filter is asked once per part that reads
          // positions, and each would otherwise count the bits again.
          return new DefaultScorerSupplier(
              new ConstantScoreScorer(score(), scoreMode, new BitSetIterator(bits, counts[ord])));
        }

        @Override
        public boolean isCacheable(LeafReaderContext context) {
          return false;
        }
      };
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
      return "MatchedDocs(" + count + ")";
    }

    @Override
    public boolean equals(Object other) {
      return other == this;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }
}
