package io.kirinuki.search;

import io.kirinuki.analysis.Analyzers;
import io.kirinuki.analysis.Synonyms;
import io.kirinuki.corpus.Outlets;
import io.kirinuki.index.Schema;
import io.kirinuki.search.DocumentView.ArticleRef;
import io.kirinuki.search.QueryLanguage.Clause;
import io.kirinuki.search.SearchRequest.Sort;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The one entry point for searching an index, shared by the HTTP server and the CLI.
 *
 * <p>Thread-safe. Each request acquires the current point-in-time reader and releases it when done,
 * so {@link #refresh()} can switch to a newer commit while searches run.
 */
public final class Searcher implements Closeable {
  /** A search stops collecting after this long and answers with what it found. */
  public static final long SEARCH_TIMEOUT_MS = 5_000;

  /** Deepest hit a request may page to; deeper pages are refused with a message. */
  public static final int MAX_WINDOW = 10_000;

  /**
   * Searches ranked by relevance that are estimated to match this many documents or more
   * ({@link MatchEstimate}) count them in one pass and rank them in a second ({@link
   * #twoPasses}); the others, and every search of a smaller index, take one pass. Measured on the
   * 1 GB benchmark corpus (issue 6): two passes took 1.1-1.6 times as long for queries under 2,000
   * matches, about the same around 5,000, and 0.4-0.6 times for words with 50,000 or more.
   */
  static final long TWO_PASS_MIN_MATCHES = 10_000;

  /**
   * {@code -Dkirinuki.twoPassMinMatches=N} replaces {@link #TWO_PASS_MIN_MATCHES}, for benchmarks:
   * 0 takes two passes for every search ranked by relevance, a number above the index size never.
   */
  static final String TWO_PASS_PROPERTY = "kirinuki.twoPassMinMatches";

  /** Passages per snippet. */
  static final int SNIPPET_PASSAGES = 2;

  /** Share of a passage's text placed before its match. */
  static final float PASSAGE_CONTEXT_SHARE = 0.3f;

  /** Most quoting posts listed for one article. */
  static final int MAX_QUOTING_POSTS = 1000;

  /** Length the highlighter aims for when it joins sentences into a passage. */
  static final int PASSAGE_GOAL_CHARS = 70;

  /**
   * {@code -Dkirinuki.queryCache=false} switches off Lucene's query cache ({@code LRUQueryCache},
   * on by default: the matches of non-scoring clauses that are used often, kept per large segment),
   * so that a benchmark that repeats its queries can be measured without it too. It is Lucene's
   * default for every {@link IndexSearcher}, so it is switched off there, once, before any opens.
   */
  static final String QUERY_CACHE_PROPERTY = "kirinuki.queryCache";

  /**
   * {@code -Dkirinuki.searchHelpers=N} sets how many idle threads may take a slice of a search
   * ({@link SpareCores}); one per core beyond the first by default, 0 for none.
   */
  static final String HELPERS_PROPERTY = "kirinuki.searchHelpers";

  static {
    if ("false".equalsIgnoreCase(System.getProperty(QUERY_CACHE_PROPERTY))) {
      IndexSearcher.setDefaultQueryCache(null);
    }
  }

  /** Stored fields a hit is made of; the body is the highlighter's text. */
  private static final Set<String> HIT_FIELDS =
      Set.of(Schema.ID, Schema.TYPE, Schema.TITLE, Schema.OUTLET, Schema.DATE, Schema.BODY);

  private final Directory directory;
  private final SearcherManager manager;
  private final QueryBuilder queryBuilder;
  private final Outlets outlets;
  private final Analyzer analyzer;
  private final Facets.Tables facetTables = new Facets.Tables();
  private final HeapNorms norms = new HeapNorms();
  private final long twoPassMinMatches;
  private final SpareCores cores;

  Searcher(
      Directory directory,
      Analyzers analyzers,
      Synonyms synonyms,
      Outlets outlets,
      long twoPassMinMatches,
      SpareCores cores)
      throws IOException {
    this.directory = directory;
    this.twoPassMinMatches = twoPassMinMatches;
    this.cores = cores;
    this.manager = new SearcherManager(norms.wrap(DirectoryReader.open(directory)), null);
    this.queryBuilder = new QueryBuilder(analyzers, synonyms);
    this.outlets = outlets;
    this.analyzer = Schema.analyzer(analyzers);
  }

  /** Opens the index in {@code indexDir}; fails when there is no index there. */
  public static Searcher open(Path indexDir) throws IOException {
    return open(indexDir, Analyzers.load(), Synonyms.load(), Outlets.load());
  }

  /**
   * Opens the index in {@code indexDir} with the given analysis and outlet table, two passes and
   * helper threads as the system properties say ({@link #TWO_PASS_PROPERTY}, {@link
   * #HELPERS_PROPERTY}).
   */
  public static Searcher open(
      Path indexDir, Analyzers analyzers, Synonyms synonyms, Outlets outlets) throws IOException {
    int helpers =
        Integer.getInteger(HELPERS_PROPERTY, Runtime.getRuntime().availableProcessors() - 1);
    return open(
        indexDir,
        analyzers,
        synonyms,
        outlets,
        Long.getLong(TWO_PASS_PROPERTY, TWO_PASS_MIN_MATCHES),
        new SpareCores(helpers));
  }

  /**
   * As above, taking two passes from {@code twoPassMinMatches} possible matches on and splitting
   * searches over {@code cores}, which the searcher closes.
   */
  static Searcher open(
      Path indexDir,
      Analyzers analyzers,
      Synonyms synonyms,
      Outlets outlets,
      long twoPassMinMatches,
      SpareCores cores)
      throws IOException {
    if (!Files.isDirectory(indexDir)) {
      cores.close();
      throw new IOException("there is no index at " + indexDir + "; run `kirinuki index` first");
    }
    Directory directory = FSDirectory.open(indexDir);
    Searcher searcher;
    try {
      searcher = new Searcher(directory, analyzers, synonyms, outlets, twoPassMinMatches, cores);
    } catch (IndexNotFoundException e) {
      cores.close();
      directory.close();
      throw new IOException("there is no index at " + indexDir + "; run `kirinuki index` first", e);
    } catch (IOException | RuntimeException e) {
      cores.close();
      directory.close();
      throw e;
    }
    try {
      searcher.checkVersion(indexDir);
    } catch (IOException e) {
      searcher.close();
      throw e;
    }
    return searcher;
  }

  private void checkVersion(Path indexDir) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
      Schema.checkVersion(reader.getIndexCommit().getUserData(), reader.maxDoc(), indexDir);
    } finally {
      manager.release(searcher);
    }
  }

  /** Runs one search; throws {@link InvalidQueryException} for a request it refuses. */
  public SearchResult search(SearchRequest request) {
    long started = System.nanoTime();
    validate(request);
    List<Clause> clauses = QueryLanguage.parse(request.query());
    boolean listsEverything = QueryBuilder.listsEverything(clauses);
    QueryBuilder.Queries queries = queryBuilder.build(clauses, filters(request, listsEverything));
    Sort sort = listsEverything && request.sort() == Sort.RELEVANCE ? Sort.NEWEST : request.sort();
    int window = request.page() * request.size();
    try (SpareCores.Turn turn = cores.enter()) {
      IndexSearcher searcher = manager.acquire();
      try {
        IndexSearcher timed = cores.searcher(searcher.getIndexReader());
        timed.setTimeout(new QueryTimeoutImpl(SEARCH_TIMEOUT_MS));
        Counted counted =
            twoPassesPay(timed.getIndexReader(), queries, sort)
                ? twoPasses(timed, queries, sort, window)
                : onePass(timed, queries, sort, window);
        List<Hit> hits = hits(timed, counted.top(), request, queryBuilder.highlightQuery(clauses));
        return new SearchResult(
            request.query() == null ? "" : request.query(),
            counted.total(),
            request.page(),
            request.size(),
            (System.nanoTime() - started) / 1_000_000,
            hits,
            counted.facets());
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final TopDocs NO_HITS =
      new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);

  /** A search's total, facets and best hits. */
  private record Counted(long total, Map<String, List<FacetValue>> facets, TopDocs top) {}

  /**
   * Whether a second pass can save more than it costs: only when ranking by relevance (a date sort
   * compares dates before scores), and when many documents may match.
   */
  private boolean twoPassesPay(IndexReader reader, QueryBuilder.Queries queries, Sort sort)
      throws IOException {
    return sort == Sort.RELEVANCE
        && reader.maxDoc() >= twoPassMinMatches
        && MatchEstimate.of(queries.matching(), reader) >= twoPassMinMatches;
  }

  /** Counts, facets and ranks every match in one pass: the cheaper way when few documents match. */
  private Counted onePass(
      IndexSearcher searcher, QueryBuilder.Queries queries, Sort sort, int window)
      throws IOException {
    Object[] results =
        searcher.search(
            queries.scoring(),
            new MultiCollectorManager(
                new TopFieldCollectorManager(luceneSort(sort), window, Integer.MAX_VALUE),
                new Facets.Manager(facetTables)));
    TopDocs top = (TopDocs) results[0];
    @SuppressWarnings("unchecked")
    Map<String, List<FacetValue>> facets = (Map<String, List<FacetValue>>) results[1];
    return new Counted(top.totalHits.value(), facets, top);
  }

  /**
   * Counts and facets every match without scores, then scores only the matches that can reach the
   * page: most of a frequent word's matches lose to the ones that hold it in their headline, and
   * Lucene skips them without scoring (issue 6: on 1 GB, a word with 100,000 matches took about
   * half the time). Each match is found twice, so with few matches this costs more than {@link
   * #onePass}.
   */
  private Counted twoPasses(
      IndexSearcher searcher, QueryBuilder.Queries queries, Sort sort, int window)
      throws IOException {
    MatchedDocs matched =
        searcher.search(
            queries.matching(),
            MatchedDocs.manager(searcher.getIndexReader(), new Facets.Manager(facetTables)));
    Map<String, List<FacetValue>> facets = matched.facets();
    if (matched.count() == 0) {
      return new Counted(0, facets, NO_HITS);
    }
    TopDocs top =
        searcher.search(
            queries.ranking(matched.query()),
            new TopFieldCollectorManager(luceneSort(sort), window, window));
    return new Counted(matched.count(), facets, top);
  }

  private static void validate(SearchRequest request) {
    String query = request.query() == null ? "" : request.query();
    if (query.length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw new InvalidQueryException(
          "The query is "
              + query.length()
              + " characters long; at most "
              + SearchRequest.MAX_QUERY_LENGTH
              + " are allowed.");
    }
    if (request.page() < 1) {
      throw new InvalidQueryException("The page must be 1 or more, not " + request.page() + ".");
    }
    if (request.size() < 1 || request.size() > SearchRequest.MAX_SIZE) {
      throw new InvalidQueryException(
          "The size must be between 1 and "
              + SearchRequest.MAX_SIZE
              + ", not "
              + request.size()
              + ".");
    }
    if ((long) request.page() * request.size() > MAX_WINDOW) {
      throw new InvalidQueryException(
          "Only the first "
              + MAX_WINDOW
              + " hits can be paged through; please narrow the search with words or filters.");
    }
    if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
      throw new InvalidQueryException(
          "The start date " + request.from() + " is after the end date " + request.to() + ".");
    }
  }

  /**
   * The request's filters. Without a type, posts and articles: needed only when the query {@code
   * listsEverything}, since file records have no title or body for a word to match.
   */
  private List<Query> filters(SearchRequest request, boolean listsEverything) {
    List<Query> filters = new ArrayList<>();
    if (request.type() == null && listsEverything) {
      filters.add(
          new TermInSetQuery(
              Schema.TYPE,
              List.of(new BytesRef(Schema.TYPE_POST), new BytesRef(Schema.TYPE_ARTICLE))));
    } else if (request.type() != null) {
      filters.add(new TermQuery(new Term(Schema.TYPE, request.type().value())));
    }
    if (request.outlet() != null && !request.outlet().isBlank()) {
      String outlet = outlets.resolve(request.outlet().strip()).orElse(request.outlet().strip());
      filters.add(new TermQuery(new Term(Schema.OUTLET, outlet)));
    }
    if (request.from() != null || request.to() != null) {
      int from = request.from() == null ? Integer.MIN_VALUE : (int) request.from().toEpochDay();
      int to = request.to() == null ? Integer.MAX_VALUE : (int) request.to().toEpochDay();
      filters.add(IntPoint.newRangeQuery(Schema.DATE, from, to));
    }
    return filters;
  }

  /** Sort orders; every one ends with the id, so equal keys come out in a stable order. */
  private static org.apache.lucene.search.Sort luceneSort(Sort sort) {
    SortField byId = IdOrder.of(Schema.ID);
    return switch (sort) {
      case RELEVANCE -> new org.apache.lucene.search.Sort(SortField.FIELD_SCORE, byId);
      case NEWEST ->
          new org.apache.lucene.search.Sort(dateField(true), SortField.FIELD_SCORE, byId);
      case OLDEST ->
          new org.apache.lucene.search.Sort(dateField(false), SortField.FIELD_SCORE, byId);
    };
  }

  /** Documents without a date come last in both directions. */
  private static SortField dateField(boolean newestFirst) {
    return new SortField(
        Schema.DATE,
        SortField.Type.INT,
        newestFirst,
        newestFirst ? Integer.MIN_VALUE : Integer.MAX_VALUE);
  }

  private List<Hit> hits(
      IndexSearcher searcher, TopDocs top, SearchRequest request, Query highlightQuery)
      throws IOException {
    int from = (request.page() - 1) * request.size();
    if (from >= top.scoreDocs.length) {
      return List.of();
    }
    ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
    int[] docIds = new int[page.length];
    for (int i = 0; i < page.length; i++) {
      docIds[i] = page[i].doc;
    }
    // Each hit's stored fields are read (decompressed) once: the highlighter gets the body from
    // here.
    StoredFields stored = searcher.storedFields();
    Document[] docs = new Document[page.length];
    Map<Integer, String> bodies = new HashMap<>();
    for (int i = 0; i < page.length; i++) {
      docs[i] = stored.document(page[i].doc, HIT_FIELDS);
      bodies.put(page[i].doc, docs[i].get(Schema.BODY));
    }
    String[] snippets =
        highlighter(searcher, bodies, new HitMatches(searcher.getIndexReader()))
            .highlightFields(
                new String[] {Schema.BODY}, highlightQuery, docIds, new int[] {SNIPPET_PASSAGES})
            .get(Schema.BODY);
    List<Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document doc = docs[i];
      String id = doc.get(Schema.ID);
      String type = doc.get(Schema.TYPE);
      String postId = null;
      if (Schema.TYPE_ARTICLE.equals(type)) {
        List<String> quoting = quotingPosts(searcher, id, 1);
        postId = quoting.isEmpty() ? null : quoting.get(0);
      }
      hits.add(
          new Hit(
              id,
              type,
              doc.get(Schema.TITLE),
              doc.get(Schema.OUTLET),
              date(doc),
              snippets[i] == null ? "" : snippets[i],
              postId,
              scoreOf(page[i])));
    }
    return hits;
  }

  private static float scoreOf(ScoreDoc hit) {
    if (hit instanceof FieldDoc field) {
      for (Object value : field.fields) {
        if (value instanceof Float score) {
          return score;
        }
      }
    }
    return Float.isNaN(hit.score) ? 0f : hit.score;
  }

  /**
   * A highlighter of the body that takes the text of each document from {@code bodies} and the
   * matches in it from {@code matches}.
   */
  private UnifiedHighlighter highlighter(
      IndexSearcher searcher, Map<Integer, String> bodies, HitMatches matches) {
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new SnippetFormatter())
            .withScorer(new SnippetScorer())
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        new ForwardBreakIterator(
                            BreakIterator.getSentenceInstance(Locale.JAPANESE)),
                        PASSAGE_GOAL_CHARS,
                        PASSAGE_CONTEXT_SHARE))
            .withMaxNoHighlightPassages(1)
            .withMaskedFieldsFunc(
                field -> field.equals(Schema.BODY) ? Set.of(Schema.BODY_READING) : Set.of())
            .withWeightMatches(true);
    return new UnifiedHighlighter(builder) {
      @Override
      protected FieldOffsetStrategy getOffsetStrategy(
          OffsetSource offsetSource, UHComponents components) {
        return offsetSource == OffsetSource.POSTINGS
            ? matches.strategy(components)
            : super.getOffsetStrategy(offsetSource, components);
      }

      @Override
      protected List<CharSequence[]> loadFieldValues(
          String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          values.add(new CharSequence[] {bodies.getOrDefault(doc, "")});
        }
        return values;
      }
    };
  }

  /** One document in full; throws {@link UnknownDocumentException} for an unknown id. */
  public DocumentView document(String id) {
    try {
      IndexSearcher searcher = manager.acquire();
      try {
        Document doc = findDocument(searcher, id);
        if (doc == null) {
          throw new UnknownDocumentException(id);
        }
        String type = doc.get(Schema.TYPE);
        if (Schema.TYPE_POST.equals(type)) {
          List<ArticleRef> articles = new ArrayList<>();
          for (String articleId : doc.getValues(Schema.ARTICLE_IDS)) {
            Document article = findDocument(searcher, articleId);
            if (article != null) {
              articles.add(
                  new ArticleRef(
                      articleId,
                      article.get(Schema.TITLE),
                      article.get(Schema.OUTLET),
                      date(article)));
            }
          }
          return new DocumentView(
              id,
              type,
              doc.get(Schema.TITLE),
              null,
              date(doc),
              null,
              doc.get(Schema.BODY),
              null,
              articles,
              List.of());
        }
        List<String> quotedIn = quotingPosts(searcher, id, MAX_QUOTING_POSTS);
        return new DocumentView(
            id,
            type,
            doc.get(Schema.TITLE),
            doc.get(Schema.OUTLET),
            date(doc),
            doc.get(Schema.AUTHOR),
            doc.get(Schema.BODY),
            quotedIn.isEmpty() ? null : quotedIn.get(0),
            List.of(),
            quotedIn);
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A post or article by id (never a file record), or null. */
  private static Document findDocument(IndexSearcher searcher, String id) throws IOException {
    Query query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.ID, id)), Occur.FILTER)
            .add(
                new TermInSetQuery(
                    Schema.TYPE,
                    List.of(new BytesRef(Schema.TYPE_POST), new BytesRef(Schema.TYPE_ARTICLE))),
                Occur.FILTER)
            .build();
    TopDocs top = searcher.search(query, 1);
    return top.scoreDocs.length == 0
        ? null
        : searcher.storedFields().document(top.scoreDocs[0].doc);
  }

  /**
   * The posts quoting an article, oldest first (undated last, ties by id), at most {@code limit}: a
   * walk over the few postings of the article's id in {@link Schema#ARTICLE_IDS}, which only posts
   * carry, reading dates and ids from doc values. A search hit asks this for its post ten times a
   * query, so no search and no stored field is involved.
   */
  private static List<String> quotingPosts(IndexSearcher searcher, String articleId, int limit)
      throws IOException {
    record Quoting(long date, String id) {}
    BytesRef term = new BytesRef(articleId);
    List<Quoting> found = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      LeafReader reader = leaf.reader();
      Terms terms = reader.terms(Schema.ARTICLE_IDS);
      if (terms == null) {
        continue;
      }
      TermsEnum termsEnum = terms.iterator();
      if (!termsEnum.seekExact(term)) {
        continue;
      }
      PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
      Bits live = reader.getLiveDocs();
      NumericDocValues dates = DocValues.getNumeric(reader, Schema.DATE);
      SortedDocValues ids = DocValues.getSorted(reader, Schema.ID);
      for (int doc = postings.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = postings.nextDoc()) {
        if ((live != null && !live.get(doc)) || !ids.advanceExact(doc)) {
          continue;
        }
        long date = dates.advanceExact(doc) ? dates.longValue() : Long.MAX_VALUE;
        found.add(new Quoting(date, ids.lookupOrd(ids.ordValue()).utf8ToString()));
      }
    }
    return found.stream()
        .sorted(Comparator.comparingLong(Quoting::date).thenComparing(Quoting::id))
        .limit(limit)
        .map(Quoting::id)
        .toList();
  }

  private static LocalDate date(Document doc) {
    String date = doc.get(Schema.DATE);
    return date == null ? null : LocalDate.parse(date);
  }

  /** Number of documents (posts and articles) in the currently served commit. */
  public long documentCount() {
    try {
      IndexSearcher searcher = manager.acquire();
      try {
        return searcher.count(
            new TermInSetQuery(
                Schema.TYPE,
                List.of(new BytesRef(Schema.TYPE_POST), new BytesRef(Schema.TYPE_ARTICLE))));
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Switches to the newest commit on disk, if there is one; true when it switched. */
  public boolean refresh() throws IOException {
    IndexSearcher before = manager.acquire();
    try {
      manager.maybeRefreshBlocking();
      IndexSearcher after = manager.acquire();
      try {
        return after.getIndexReader() != before.getIndexReader();
      } finally {
        manager.release(after);
      }
    } finally {
      manager.release(before);
    }
  }

  /** Counts and sizes of the currently served commit. */
  public IndexStats stats() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      long posts = searcher.count(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_POST)));
      long articles = searcher.count(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_ARTICLE)));
      Set<String> outletNames = new HashSet<>();
      for (var leaf : searcher.getIndexReader().leaves()) {
        var values = org.apache.lucene.index.DocValues.getSortedSet(leaf.reader(), Schema.OUTLET);
        for (long ord = 0; ord < values.getValueCount(); ord++) {
          outletNames.add(values.lookupOrd(ord).utf8ToString());
        }
      }
      return new IndexStats(
          posts,
          articles,
          outletNames.size(),
          edgeDate(searcher, false),
          edgeDate(searcher, true),
          sizeOnDisk(searcher));
    } finally {
      manager.release(searcher);
    }
  }

  private static LocalDate edgeDate(IndexSearcher searcher, boolean newest) throws IOException {
    TopDocs top =
        searcher.search(
            IntPoint.newRangeQuery(Schema.DATE, Integer.MIN_VALUE, Integer.MAX_VALUE),
            1,
            new org.apache.lucene.search.Sort(dateField(newest)));
    if (top.scoreDocs.length == 0) {
      return null;
    }
    return date(searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(Schema.DATE)));
  }

  private long sizeOnDisk(IndexSearcher searcher) throws IOException {
    long bytes = 0;
    DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
    for (String file : reader.getIndexCommit().getFileNames()) {
      bytes += directory.fileLength(file);
    }
    return bytes;
  }

  @Override
  public void close() throws IOException {
    cores.close();
    manager.close();
    directory.close();
  }
}
