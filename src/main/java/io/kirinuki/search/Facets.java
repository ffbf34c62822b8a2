package io.kirinuki.search;

import static org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;

import io.kirinuki.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts facet values over every matching document, not only one page: type, outlet, year and
 * month, all read from one doc value per document ({@link Schema#FACETS}).
 *
 * <p>lucene-facet 10.4.0 is not served where this project builds, and four low-cardinality fields
 * need no taxonomy: a leaf counts the ordinals of its type-outlet-month combinations into an array,
 * then adds each combination's count to its three values through the segment's table of value
 * numbers, built once per segment ({@link Tables}). The year is added last, from the months ({@code
 * 2015-10} is in {@code 2015}).
 */
final class Facets {
  /** Facet names in the order the API reports them. */
  static final List<String> FIELDS = List.of(Schema.TYPE, Schema.OUTLET, Schema.YEAR, Schema.MONTH);

  /** The facets a {@link Schema#FACETS} value holds, in the order of {@link Schema#facetParts}. */
  private static final List<String> PARTS = List.of(Schema.TYPE, Schema.OUTLET, Schema.MONTH);

  private Facets() {}

  /** Orders facet values: by count, then by value, except that time facets run by value. */
  static Map<String, List<FacetValue>> sorted(Map<String, Map<String, Long>> counts) {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String field : FIELDS) {
      List<FacetValue> values = new ArrayList<>();
      counts.getOrDefault(field, Map.of()).forEach((v, c) -> values.add(new FacetValue(v, c)));
      Comparator<FacetValue> order =
          field.equals(Schema.YEAR) || field.equals(Schema.MONTH)
              ? Comparator.comparing(FacetValue::value)
              : Comparator.comparingLong(FacetValue::count)
                  .reversed()
                  .thenComparing(FacetValue::value);
      values.sort(order);
      out.put(field, List.copyOf(values));
    }
    return out;
  }

  /**
   * One searcher's facet values and the tables of its segments. A value (a part and its text) gets
   * a number the first time a segment holds it; a segment's table is made the first time a search
   * counts in it and dropped when Lucene closes the segment. Thread-safe.
   */
  static final class Tables {
    private final PerSegment<Segment> bySegment = new PerSegment<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> parts = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    /** The table of a segment, made now if no search has counted in it yet. */
    Segment of(LeafReaderContext context) throws IOException {
      return bySegment.get(context.reader(), () -> build(context));
    }

    /** How many segment tables are held (for tests: closed segments leave none behind). */
    int segments() {
      return bySegment.size();
    }

    private Segment build(LeafReaderContext context) throws IOException {
      SortedDocValues facets = DocValues.getSorted(context.reader(), Schema.FACETS);
      int count = facets.getValueCount();
      int[] numbersOf = new int[count * PARTS.size()];
      for (int ord = 0; ord < count; ord++) {
        String[] split = Schema.facetParts(facets.lookupOrd(ord).utf8ToString());
        for (int part = 0; part < PARTS.size(); part++) {
          numbersOf[ord * PARTS.size() + part] =
              split[part].isEmpty() ? -1 : number(PARTS.get(part), split[part]);
        }
      }
      int[] ordOf = new int[context.reader().maxDoc()];
      Arrays.fill(ordOf, count);
      for (int doc = facets.nextDoc(); doc != NO_MORE_DOCS; doc = facets.nextDoc()) {
        ordOf[doc] = facets.ordValue();
      }
      return new Segment(numbersOf, ordOf, count);
    }

    private synchronized int number(String part, String value) {
      return numbers.computeIfAbsent(
          part + Schema.FACET_SEPARATOR + value,
          key -> {
            parts.add(part);
            values.add(value);
            return values.size() - 1;
          });
    }

    /** Value counts, indexed by value number, as facet name → value → count. */
    private synchronized Map<String, Map<String, Long>> named(long[] counts) {
      Map<String, Map<String, Long>> total = new HashMap<>();
      for (String part : PARTS) {
        total.put(part, new HashMap<>());
      }
      for (int number = 0; number < counts.length; number++) {
        if (counts[number] > 0) {
          total.get(parts.get(number)).put(values.get(number), counts[number]);
        }
      }
      return total;
    }
  }

  /**
   * A segment's type-outlet-month combinations, decoded once: the value numbers of ordinal {@code
   * o} (type, outlet and month at {@code 3o}, {@code 3o + 1} and {@code 3o + 2}, -1 where absent),
   * and each document's ordinal ({@code ordinals} for a document without one), 4 bytes per document.
   * Reading each match's ordinal from the doc values instead was about 8 % of a frequent word's
   * time on 1 GB (a JFR profile, issue 6).
   */
  record Segment(int[] numbersOf, int[] ordOf, int ordinals) {}

  /** Collects counts; one collector per search slice, merged by {@link #reduce}. */
  static final class Manager implements CollectorManager<Counter, Map<String, Map<String, Long>>> {
    private final Tables tables;

    Manager(Tables tables) {
      this.tables = tables;
    }

    @Override
    public Counter newCollector() {
      return new Counter(tables);
    }

    @Override
    public Map<String, Map<String, Long>> reduce(Collection<Counter> collectors) {
      long[] counts = new long[0];
      for (Counter counter : collectors) {
        counter.flushLeaf();
        if (counter.counts.length > counts.length) {
          counts = Arrays.copyOf(counts, counter.counts.length);
        }
        for (int number = 0; number < counter.counts.length; number++) {
          counts[number] += counter.counts[number];
        }
      }
      Map<String, Map<String, Long>> total = tables.named(counts);
      Map<String, Long> years = new HashMap<>();
      total
          .get(Schema.MONTH)
          .forEach(
              (month, count) ->
                  years.merge(month.substring(0, month.lastIndexOf('-')), count, Long::sum));
      total.put(Schema.YEAR, years);
      return total;
    }
  }

  /** Counts ordinals per leaf, then adds them to their values when the leaf is done. */
  static final class Counter implements Collector {
    private final Tables tables;

    /** Matches per value number. */
    private long[] counts = new long[0];

    private Segment segment;
    private int[] ordinalCounts;

    Counter(Tables tables) {
      this.tables = tables;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      Leaf leaf = leaf(context);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          leaf.count(doc);
        }
      };
    }

    /** Starts counting in a segment; for a collector that counts beside other work. */
    Leaf leaf(LeafReaderContext context) throws IOException {
      flushLeaf();
      segment = tables.of(context);
      // One more slot than ordinals: documents without a value count there, and are dropped.
      ordinalCounts = new int[segment.ordinals() + 1];
      return new Leaf(segment.ordOf(), ordinalCounts);
    }

    private void flushLeaf() {
      if (segment == null) {
        return;
      }
      int[] numbersOf = segment.numbersOf();
      for (int ord = 0; ord < segment.ordinals(); ord++) {
        int count = ordinalCounts[ord];
        if (count == 0) {
          continue;
        }
        for (int at = ord * PARTS.size(); at < (ord + 1) * PARTS.size(); at++) {
          int number = numbersOf[at];
          if (number < 0) {
            continue;
          }
          if (number >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(number + 1, 2 * counts.length));
          }
          counts[number] += count;
        }
      }
      segment = null;
      ordinalCounts = null;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  /** The counts of one segment: a count per ordinal, read from the segment's array. */
  static final class Leaf {
    private final int[] ordOf;
    private final int[] ordinalCounts;

    private Leaf(int[] ordOf, int[] ordinalCounts) {
      this.ordOf = ordOf;
      this.ordinalCounts = ordinalCounts;
    }

    void count(int doc) {
      ordinalCounts[ordOf[doc]]++;
    }

    void count(int[] docs, int length) {
      for (int i = 0; i < length; i++) {
        ordinalCounts[ordOf[docs[i]]]++;
      }
    }
  }
}
