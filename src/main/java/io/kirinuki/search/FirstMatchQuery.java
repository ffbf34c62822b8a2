package io.kirinuki.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Matches what any of its alternatives matches, and scores a document by the first alternative, in
 * order, that matches it; the others are not asked.
 *
 * <p>A Boolean disjunction sums every matching clause, so it must check the positions of each one.
 * For a kana word, the literal phrase and the reading phrase match nearly the same documents (ファイル
 * reads ファイル), and the reading phrase is only there for the few documents the literal one misses
 * (紫陽花 for あじさい): checked second, its positions are read only for those. Measured in issue 6 on the
 * 1 GB corpus: the body's reading phrase for ファイル cost as much as its literal one.
 */
final class FirstMatchQuery extends Query {
  private final List<Query> alternatives;

  FirstMatchQuery(List<Query> alternatives) {
    if (alternatives.isEmpty()) {
      throw new IllegalArgumentException("a first-match query needs an alternative");
    }
    this.alternatives = List.copyOf(alternatives);
  }

  /** The alternatives, in the order they are asked. */
  List<Query> alternatives() {
    return alternatives;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    if (alternatives.size() == 1) {
      return alternatives.get(0);
    }
    List<Query> rewritten = new ArrayList<>(alternatives.size());
    boolean changed = false;
    for (Query alternative : alternatives) {
      Query query = alternative.rewrite(searcher);
      changed |= query != alternative;
      rewritten.add(query);
    }
    return changed ? new FirstMatchQuery(rewritten) : this;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    List<Weight> weights = new ArrayList<>(alternatives.size());
    for (Query alternative : alternatives) {
      weights.add(searcher.createWeight(alternative, scoreMode, boost));
    }
    return new Weight(this) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        List<ScorerSupplier> present = new ArrayList<>(weights.size());
        long cost = 0;
        for (Weight weight : weights) {
          ScorerSupplier supplier = weight.scorerSupplier(context);
          if (supplier != null) {
            present.add(supplier);
            cost += supplier.cost();
          }
        }
        if (present.size() <= 1) {
          return present.isEmpty() ? null : present.get(0);
        }
        long totalCost = cost;
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            List<Scorer> scorers = new ArrayList<>(present.size());
            for (ScorerSupplier supplier : present) {
              scorers.add(supplier.get(leadCost));
            }
            return new FirstMatchScorer(scorers);
          }

          @Override
          public long cost() {
            return totalCost;
          }
        };
      }

      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        for (Weight weight : weights) {
          Explanation explanation = weight.explain(context, doc);
          if (explanation.isMatch()) {
            return Explanation.match(
                explanation.getValue(), "first matching alternative:", explanation);
          }
        }
        return Explanation.noMatch("no alternative matches");
      }

      @Override
      public Matches matches(LeafReaderContext context, int doc) throws IOException {
        for (Weight weight : weights) {
          Matches matches = weight.matches(context, doc);
          if (matches != null) {
            return matches;
          }
        }
        return null;
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return weights.stream().allMatch(weight -> weight.isCacheable(context));
      }
    };
  }

  /**
   * A union of the alternatives' approximations; a candidate is checked one alternative at a time.
   */
  private static final class FirstMatchScorer extends Scorer {
    private final Scorer[] scorers;
    private final DocIdSetIterator[] approximations;
    private final TwoPhaseIterator[] twoPhases;
    private final TwoPhaseIterator twoPhase;
    private int doc = -1;
    private int matched = -1;

    FirstMatchScorer(List<Scorer> scorers) {
      this.scorers = scorers.toArray(Scorer[]::new);
      this.approximations = new DocIdSetIterator[this.scorers.length];
      this.twoPhases = new TwoPhaseIterator[this.scorers.length];
      long cost = 0;
      float matchCost = 0;
      for (int i = 0; i < this.scorers.length; i++) {
        twoPhases[i] = this.scorers[i].twoPhaseIterator();
        approximations[i] =
            twoPhases[i] == null ? this.scorers[i].iterator() : twoPhases[i].approximation();
        cost += approximations[i].cost();
        matchCost += twoPhases[i] == null ? 0 : twoPhases[i].matchCost();
      }
      long totalCost = cost;
      float totalMatchCost = matchCost;
      DocIdSetIterator union =
          new DocIdSetIterator() {
            @Override
            public int docID() {
              return doc;
            }

            @Override
            public int nextDoc() throws IOException {
              return advance(doc + 1);
            }

            @Override
            public int advance(int target) throws IOException {
              int next = NO_MORE_DOCS;
              for (DocIdSetIterator approximation : approximations) {
                int at = approximation.docID();
                if (at < target) {
                  at = approximation.advance(target);
                }
                next = Math.min(next, at);
              }
              doc = next;
              return doc;
            }

            @Override
            public long cost() {
              return totalCost;
            }
          };
      this.twoPhase =
          new TwoPhaseIterator(union) {
            @Override
            public boolean matches() throws IOException {
              for (int i = 0; i < approximations.length; i++) {
                if (approximations[i].docID() == doc
                    && (twoPhases[i] == null || twoPhases[i].matches())) {
                  matched = i;
                  return true;
                }
              }
              return false;
            }

            @Override
            public float matchCost() {
              return totalMatchCost;
            }
          };
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public DocIdSetIterator iterator() {
      return TwoPhaseIterator.asDocIdSetIterator(twoPhase);
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return twoPhase;
    }

    @Override
    public float score() throws IOException {
      return scorers[matched].score();
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      int upTo = DocIdSetIterator.NO_MORE_DOCS;
      for (Scorer scorer : scorers) {
        if (scorer.docID() <= target) {
          upTo = Math.min(upTo, scorer.advanceShallow(target));
        }
      }
      return upTo;
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      float max = 0;
      for (Scorer scorer : scorers) {
        if (scorer.docID() <= upTo) {
          max = Math.max(max, scorer.getMaxScore(upTo));
        }
      }
      return max;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    QueryVisitor either = visitor.getSubVisitor(Occur.SHOULD, this);
    for (Query alternative : alternatives) {
      alternative.visit(either);
    }
  }

  @Override
  public String toString(String field) {
    List<String> parts = new ArrayList<>(alternatives.size());
    for (Query alternative : alternatives) {
      parts.add(alternative.toString(field));
    }
    return "FirstMatch(" + String.join(" | ", parts) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && alternatives.equals(((FirstMatchQuery) other).alternatives);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), alternatives);
  }
}
