package io.kirinuki.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * About how many documents a query of {@link QueryBuilder} matches, from document frequencies
 * alone (the term dictionaries, no postings), to choose how to run it. A term matches its
 * frequency, a conjunction at most its rarest clause, a disjunction at most the sum of its
 * clauses, anything else (a date range, every document) at most the whole index; a phrase is
 * estimated as if its grams occurred independently.
 */
final class MatchEstimate {
  private MatchEstimate() {}

  static long of(Query query, IndexReader reader) throws IOException {
    return estimate(query, reader, reader.maxDoc());
  }

  private static long estimate(Query query, IndexReader reader, long all) throws IOException {
    return switch (query) {
      case TermQuery term -> reader.docFreq(term.getTerm());
      case PhraseQuery phrase -> together(phrase.getTerms(), reader, all);
      case BoostQuery boost -> estimate(boost.getQuery(), reader, all);
      case ConstantScoreQuery constant -> estimate(constant.getQuery(), reader, all);
      case FirstMatchQuery first -> union(first.alternatives(), reader, all);
      case BooleanQuery bool -> ofBoolean(bool, reader, all);
      default -> all;
    };
  }

  private static long ofBoolean(BooleanQuery query, IndexReader reader, long all)
      throws IOException {
    long required = Long.MAX_VALUE;
    List<Query> optional = new ArrayList<>();
    for (BooleanClause clause : query.clauses()) {
      if (clause.occur() == Occur.MUST || clause.occur() == Occur.FILTER) {
        required = Math.min(required, estimate(clause.query(), reader, all));
      } else if (clause.occur() == Occur.SHOULD) {
        optional.add(clause.query());
      }
    }
    // With a required clause, optional ones only score.
    return required != Long.MAX_VALUE ? required : union(optional, reader, all);
  }

  /**
   * A phrase's documents as if its grams occurred independently: the whole index times the share of
   * documents holding each gram. A word's grams go together more often than that, so a frequent
   * word comes out a few times too low; but a phrase of common grams that is rare itself (a
   * sentence) is not taken for a frequent one, as its rarest gram's frequency would make it.
   */
  private static long together(Term[] terms, IndexReader reader, long all) throws IOException {
    double estimate = all;
    for (Term term : terms) {
      estimate *= (double) reader.docFreq(term) / Math.max(1, all);
    }
    return (long) estimate;
  }

  private static long union(Iterable<Query> queries, IndexReader reader, long all)
      throws IOException {
    long sum = 0;
    for (Query query : queries) {
      sum = Math.min(all, sum + estimate(query, reader, all));
    }
    return sum;
  }
}
