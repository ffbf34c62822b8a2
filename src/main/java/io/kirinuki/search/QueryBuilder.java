package io.kirinuki.search;

import io.kirinuki.analysis.Analyzers;
import io.kirinuki.analysis.GramAnalyzer;
import io.kirinuki.analysis.Normalizer;
import io.kirinuki.analysis.Synonyms;
import io.kirinuki.index.Schema;
import io.kirinuki.search.QueryLanguage.Clause;
import io.kirinuki.search.QueryLanguage.Term;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns query-language clauses into Lucene queries.
 *
 * <p>Recall and ranking are separate: a word matches a document iff the document's normalised title
 * or body contains the normalised word (an exact phrase over the gram field), or one of its
 * synonyms, or, for a kana word, text that reads the same. Whole-word matches of the morphological
 * fields never decide whether a document matches; they only add score, with the headline above the
 * body, so that {@code 京都} ranks 京都 above 東京都.
 */
public final class QueryBuilder {
  /** Weights of the scoring parts; headline matches rank above body matches. */
  static final float TITLE_GRAM_BOOST = 2f;

  static final float BODY_GRAM_BOOST = 1f;
  static final float TITLE_MORPH_BOOST = 4f;
  static final float BODY_MORPH_BOOST = 2f;
  static final float READING_BOOST = 0.5f;
  static final float SYNONYM_BOOST = 0.8f;

  /** Shortest kana word searched by reading: single kana read like too many things. */
  static final int MIN_READING_LENGTH = 2;

  /** Most words and phrases one query may hold; more is refused with a message. */
  public static final int MAX_TERMS = 32;

  private final Synonyms synonyms;
  private final org.apache.lucene.util.QueryBuilder morphBuilder;

  public QueryBuilder(Analyzers analyzers, Synonyms synonyms) {
    this.synonyms = synonyms;
    this.morphBuilder = new org.apache.lucene.util.QueryBuilder(analyzers.morph());
  }

  /**
   * What one search runs, the request's filters included; all three find the same documents.
   *
   * @param matching every match, with no scores: for the total and the facets
   * @param scoring every match, scored: for one pass that counts, facets and ranks every match
   * @param parts the scoring parts of the words that must match, each an optional clause of
   *     {@link #ranking}
   * @param eithers the words joined by {@code OR}, each a required clause of {@link #ranking}
   * @param positive whether any word must match; else every document scores the same
   */
  public record Queries(
      Query matching, Query scoring, List<Query> parts, List<Query> eithers, boolean positive) {
    /**
     * The query that scores the documents of {@code matched}, a filter of exactly the matches
     * found by {@link #matching}, built so that a search for the best hits alone can skip the
     * documents whose parts cannot add up to them (the word in a headline outweighs it in a
     * body). The score is {@link #scoring}'s, summed in another order.
     */
    public Query ranking(Query matched) {
      BooleanQuery.Builder ranking = new BooleanQuery.Builder().add(matched, Occur.FILTER);
      if (!positive) {
        return ranking.add(MatchAllDocsQuery.INSTANCE, Occur.MUST).build();
      }
      for (Query either : eithers) {
        ranking.add(either, Occur.MUST);
      }
      for (Query part : parts) {
        ranking.add(onlyIn(matched, part), Occur.SHOULD);
      }
      if (eithers.isEmpty() && !parts.isEmpty()) {
        // Every matched document holds a part of each word's recall: saying so lets Lucene score
        // the parts as one disjunction that skips what cannot compete (MaxScore).
        ranking.setMinimumNumberShouldMatch(1);
      }
      return ranking.build();
    }

    /**
     * A part that reads positions, asked only in the matched documents: Lucene skips ahead with the
     * cheapest of a conjunction, so the positions of a phrase are read again only there, not in
     * every document that holds its grams.
     */
    private static Query onlyIn(Query matched, Query part) {
      Query inner = part;
      while (true) {
        if (inner instanceof BoostQuery boost) {
          inner = boost.getQuery();
        } else if (inner instanceof ConstantScoreQuery constant) {
          inner = constant.getQuery();
        } else {
          break;
        }
      }
      if (inner instanceof TermQuery) {
        return part;
      }
      return new BooleanQuery.Builder().add(matched, Occur.FILTER).add(part, Occur.MUST).build();
    }
  }

  /** The queries of {@code clauses} within {@code filters}; no clauses match every document. */
  public Queries build(List<Clause> clauses, List<Query> filters) {
    checkSize(clauses);
    BooleanQuery.Builder matching = new BooleanQuery.Builder();
    BooleanQuery.Builder scoring = new BooleanQuery.Builder();
    List<Query> parts = new ArrayList<>();
    List<Query> eithers = new ArrayList<>();
    for (Clause clause : clauses) {
      if (clause.excluded()) {
        for (Term term : clause.alternatives()) {
          Query recall = literalRecall(term);
          if (recall != null) {
            matching.add(recall, Occur.MUST_NOT);
            scoring.add(recall, Occur.MUST_NOT);
          }
        }
        continue;
      }
      if (clause.alternatives().size() == 1) {
        Word word = word(clause.alternatives().get(0));
        if (word != null) {
          matching.add(word.recall(), Occur.FILTER);
          scoring.add(word.scored(), Occur.MUST);
          parts.addAll(word.parts());
        }
        continue;
      }
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      int alternatives = 0;
      for (Term term : clause.alternatives()) {
        Word word = word(term);
        if (word != null) {
          either.add(word.scored(), Occur.SHOULD);
          alternatives++;
        }
      }
      if (alternatives > 0) {
        Query query = either.build();
        matching.add(query, Occur.FILTER);
        scoring.add(query, Occur.MUST);
        eithers.add(query);
      }
    }
    boolean positive = !parts.isEmpty() || !eithers.isEmpty();
    if (!positive) {
      // Only exclusions (or nothing): everything, minus what is excluded.
      matching.add(MatchAllDocsQuery.INSTANCE, Occur.FILTER);
      scoring.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
    }
    for (Query filter : filters) {
      matching.add(filter, Occur.FILTER);
      scoring.add(filter, Occur.FILTER);
    }
    return new Queries(matching.build(), scoring.build(), parts, eithers, positive);
  }

  /**
   * The query the highlighter marks: every positive term's recall parts (literal grams, synonyms,
   * readings) on the body and its reading twin, the one field snippets are made of (headline parts
   * would only cost the highlighter their matching).
   */
  public Query highlightQuery(List<Clause> clauses) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    int parts = 0;
    for (Clause clause : clauses) {
      if (clause.excluded()) {
        continue;
      }
      for (Term term : clause.alternatives()) {
        Query recall = recall(term, false, false);
        if (recall != null) {
          query.add(recall, Occur.SHOULD);
          parts++;
        }
      }
    }
    return parts == 0 ? new MatchNoDocsQuery("no positive word to highlight") : query.build();
  }

  /**
   * True when no clause can match anything by itself: a blank query, only exclusions, or words that
   * normalise to nothing ({@code ー}); {@link #build} then matches all documents.
   */
  public static boolean listsEverything(List<Clause> clauses) {
    return clauses.stream()
        .noneMatch(
            clause ->
                !clause.excluded()
                    && clause.alternatives().stream()
                        .anyMatch(term -> !Normalizer.normalize(term.text()).isBlank()));
  }

  private void checkSize(List<Clause> clauses) {
    int terms = clauses.stream().mapToInt(c -> c.alternatives().size()).sum();
    if (terms > MAX_TERMS) {
      throw new InvalidQueryException(
          "The query has "
              + terms
              + " words; at most "
              + MAX_TERMS
              + " are allowed, so please shorten it.");
    }
  }

  /**
   * One word: its recall (what decides whether a document matches) and its whole-word terms (which
   * only rank). When the word has whole-word terms, they rank the body by how often it holds the
   * word, and the body's literal match only adds a flat score: counting every occurrence of a
   * phrase in every matching body was half the cost of a frequent word on the 1 GB corpus (issue
   * 6), and the word counts of whole words are the better signal (京都 over 東京都).
   */
  private record Word(BooleanQuery recall, List<Query> ranks) {
    /** Recall required, ranking optional. */
    Query scored() {
      BooleanQuery.Builder scored = new BooleanQuery.Builder().add(recall, Occur.MUST);
      for (Query rank : ranks) {
        scored.add(rank, Occur.SHOULD);
      }
      return scored.build();
    }

    /** The parts whose sum is {@link #scored}'s score: the recall's alternatives, the ranks. */
    List<Query> parts() {
      List<Query> parts = new ArrayList<>();
      for (BooleanClause alternative : recall.clauses()) {
        parts.add(alternative.query());
      }
      parts.addAll(ranks);
      return parts;
    }
  }

  /** The word {@code term}, or null if it normalises to nothing. */
  private Word word(Term term) {
    List<Query> ranks = morphQueries(term.text());
    BooleanQuery recall = recall(term, true, !ranks.isEmpty());
    return recall == null ? null : new Word(recall, ranks);
  }

  /**
   * Any of: the literal text, a synonym, or (for kana) the reading, in the body and, {@code
   * withTitle}, the headline. A field's reading is asked only where its literal text is not found
   * ({@link FirstMatchQuery}): for a kana word the two match nearly the same documents. With {@code
   * flatBody}, a body match scores its boost, not its frequency.
   */
  BooleanQuery recall(Term term, boolean withTitle, boolean flatBody) {
    String literal = Normalizer.normalize(term.text());
    if (literal.isBlank()) {
      return null;
    }
    boolean byReading =
        !term.phrase()
            && isKana(literal)
            && literal.codePointCount(0, literal.length()) >= MIN_READING_LENGTH;
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    if (withTitle) {
      addLiteralOrReading(
          any,
          Schema.TITLE,
          byReading ? Schema.TITLE_READING : null,
          literal,
          TITLE_GRAM_BOOST,
          false);
    }
    addLiteralOrReading(
        any,
        Schema.BODY,
        byReading ? Schema.BODY_READING : null,
        literal,
        BODY_GRAM_BOOST,
        flatBody);
    if (!term.phrase()) {
      for (String synonym : synonymsOf(term.text())) {
        if (withTitle) {
          addGrams(any, Schema.TITLE, synonym, TITLE_GRAM_BOOST * SYNONYM_BOOST);
        }
        addGrams(any, Schema.BODY, synonym, BODY_GRAM_BOOST * SYNONYM_BOOST);
      }
    }
    return any.build();
  }

  /**
   * The text in {@code field}, else, when {@code readingField} is given, its reading there; a match
   * scores its boost alone when {@code flat}.
   */
  private static void addLiteralOrReading(
      BooleanQuery.Builder any,
      String field,
      String readingField,
      String text,
      float boost,
      boolean flat) {
    Query literal = new BoostQuery(scoredOrFlat(gramQuery(field, text), flat), boost);
    if (readingField == null) {
      any.add(literal, Occur.SHOULD);
      return;
    }
    Query reading =
        new BoostQuery(scoredOrFlat(gramQuery(readingField, text), flat), boost * READING_BOOST);
    any.add(new FirstMatchQuery(List.of(literal, reading)), Occur.SHOULD);
  }

  private static Query scoredOrFlat(Query query, boolean flat) {
    return flat ? new ConstantScoreQuery(query) : query;
  }

  /** The literal text only, in title or body: what {@code -word} excludes (grep -v). */
  private Query literalRecall(Term term) {
    String literal = Normalizer.normalize(term.text());
    if (literal.isBlank()) {
      return null;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    addGrams(any, Schema.TITLE, literal, 1f);
    addGrams(any, Schema.BODY, literal, 1f);
    return any.build();
  }

  private Set<String> synonymsOf(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String synonym : synonyms.equivalents(text)) {
      String normalized = Normalizer.normalize(synonym);
      if (!normalized.isBlank()) {
        out.add(normalized);
      }
    }
    return out;
  }

  /**
   * An exact phrase over the grams: matches iff the field's normalised text contains the text.
   *
   * <p>Every position holds the bigram that starts there, so bigrams that cover each character once
   * are enough: {@code ファイル} is ファ at 0 and イル at 2, not also ァイ at 1 (a word of odd length takes
   * its last bigram, overlapping by one). Same matches, about half the position lists to read:
   * phrase matching is the largest part of a query on a big index.
   */
  static Query gramQuery(String field, String normalized) {
    List<String> grams = GramAnalyzer.queryGrams(normalized);
    if (grams.size() == 1) {
      return new TermQuery(new org.apache.lucene.index.Term(field, grams.get(0)));
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    int last = grams.size() - 1;
    for (int i = 0; i < last; i += 2) {
      phrase.add(new org.apache.lucene.index.Term(field, grams.get(i)), i);
    }
    phrase.add(new org.apache.lucene.index.Term(field, grams.get(last)), last);
    return phrase.build();
  }

  /** {@link #gramQuery} of {@code text}, a normalised word that is not blank, boosted. */
  private static void addGrams(BooleanQuery.Builder any, String field, String text, float boost) {
    any.add(new BoostQuery(gramQuery(field, text), boost), Occur.SHOULD);
  }

  private List<Query> morphQueries(String text) {
    List<Query> out = new ArrayList<>(2);
    Query title = morphBuilder.createPhraseQuery(Schema.TITLE_MORPH, text);
    if (title != null) {
      out.add(new BoostQuery(title, TITLE_MORPH_BOOST));
    }
    Query body = morphBuilder.createPhraseQuery(Schema.BODY_MORPH, text);
    if (body != null) {
      out.add(new BoostQuery(body, BODY_MORPH_BOOST));
    }
    return out;
  }

  private static boolean isKana(String normalized) {
    return normalized
        .codePoints()
        .allMatch(c -> (c >= 0x30a1 && c <= 0x30fa) || c == 0x30fc || (c >= 0x3041 && c <= 0x3096));
  }
}
