package io.kirinuki.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdStream;
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
  private final Map<String, List<FacetValue>> facets;

  private MatchedDocs(
      FixedBitSet[] leaves, int[] counts, long count, Map<String, List<FacetValue>> facets) {
    this.leaves = leaves;
    this.counts = counts;
    this.count = count;
    this.facets = facets;
  }

  /** How many documents matched. */
  long count() {
    return count;
  }

  /** The facet counts of the matches. */
  Map<String, List<FacetValue>> facets() {
    return facets;
  }

  /**
   * A filter that matches exactly these documents, scoring 0; valid only on the reader they were
   * collected from.
   */
  Query query() {
    return new Filter();
  }

  /** Records the matches of a search on {@code reader}, and counts their facets. */
  static CollectorManager<Recorder, MatchedDocs> manager(
      IndexReader reader, Facets.Manager facetManager) {
    return new CollectorManager<>() {
      @Override
      public Recorder newCollector() {
        return new Recorder(reader.leaves().size(), facetManager.newCollector());
      }

      @Override
      public MatchedDocs reduce(Collection<Recorder> recorders) {
        FixedBitSet[] leaves = new FixedBitSet[reader.leaves().size()];
        int[] counts = new int[leaves.length];
        long count = 0;
        List<Facets.Counter> counters = new ArrayList<>();
        for (Recorder recorder : recorders) {
          counters.add(recorder.facets);
          for (int ord = 0; ord < leaves.length; ord++) {
            if (recorder.leaves[ord] != null) {
              leaves[ord] = recorder.leaves[ord];
              counts[ord] = recorder.counts[ord];
              count += recorder.counts[ord];
            }
          }
        }
        return new MatchedDocs(leaves, counts, count, facetManager.reduce(counters));
      }
    };
  }

  /**
   * One search slice's recorder: a bit set, a count and the facet counts per segment it visits.
   * One collector does all three, so that a batch of matches is taken in one loop, not one call of
   * each collector per match.
   */
  static final class Recorder implements Collector {
    private final FixedBitSet[] leaves;
    private final int[] counts;
    private final Facets.Counter facets;
    private final int[] batch = new int[1024];

    private Recorder(int leafCount, Facets.Counter facets) {
      this.leaves = new FixedBitSet[leafCount];
      this.counts = new int[leafCount];
      this.facets = facets;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      int ord = context.ord;
      FixedBitSet bits = new FixedBitSet(context.reader().maxDoc());
      leaves[ord] = bits;
      Facets.Leaf facetLeaf = facets.leaf(context);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          bits.set(doc);
          facetLeaf.count(doc);
          counts[ord]++;
        }

        @Override
        public void collect(DocIdStream stream) {
          for (int n = stream.intoArray(batch); n > 0; n = stream.intoArray(batch)) {
            for (int i = 0; i < n; i++) {
              bits.set(batch[i]);
            }
            facetLeaf.count(batch, n);
            counts[ord] += n;
          }
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
