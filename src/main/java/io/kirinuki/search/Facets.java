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

  private static final int MONTH_PART = PARTS.indexOf(Schema.MONTH);

  private Facets() {}

  /**
   * One searcher's facet values and the tables of its segments. A value (a part and its text) gets
   * a number the first time a segment holds it; a segment's table is made the first time a search
   * counts in it and dropped when Lucene closes the segment. Thread-safe.
   */
  static final class Tables {
    private final PerSegment<Segment> bySegment = new PerSegment<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<Integer> parts = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private volatile Ranked ranked = new Ranked(new String[0], new int[0], new int[0], new int[0]);

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
              split[part].isEmpty() ? -1 : number(part, split[part]);
        }
      }
      int[] ordOf = new int[context.reader().maxDoc()];
      Arrays.fill(ordOf, count);
      for (int doc = facets.nextDoc(); doc != NO_MORE_DOCS; doc = facets.nextDoc()) {
        ordOf[doc] = facets.ordValue();
      }
      return new Segment(numbersOf, ordOf, count);
    }

    private synchronized int number(int part, String value) {
      return numbers.computeIfAbsent(
          PARTS.get(part) + Schema.FACET_SEPARATOR + value,
          key -> {
            parts.add(part);
            values.add(value);
            return values.size() - 1;
          });
    }

    /**
     * The facets of value counts (indexed by value number), each in the API's order: type and
     * outlet by count, then by value; year and month by value. A year is the sum of its months.
     */
    Map<String, List<FacetValue>> sorted(long[] counts) {
      int used = counts.length;
      while (used > 0 && counts[used - 1] == 0) {
        used--;
      }
      Ranked ranked = rankedFor(used);
      long[][] keys = new long[PARTS.size()][used];
      int[] found = new int[PARTS.size()];
      for (int number = 0; number < used; number++) {
        long count = counts[number];
        if (count == 0) {
          continue;
        }
        int part = ranked.partOf[number];
        long rank = ranked.rank[number];
        // a time facet runs by value; the others by count, highest first, then by value
        keys[part][found[part]++] =
            part == MONTH_PART ? rank : (Integer.MAX_VALUE - count) << 32 | rank;
      }
      Map<String, List<FacetValue>> byPart = new HashMap<>();
      for (int part = 0; part < PARTS.size(); part++) {
        long[] sorted = Arrays.copyOf(keys[part], found[part]);
        Arrays.sort(sorted);
        FacetValue[] facet = new FacetValue[sorted.length];
        for (int at = 0; at < sorted.length; at++) {
          int number = ranked.byRank[(int) sorted[at]];
          facet[at] = new FacetValue(ranked.values[number], counts[number]);
        }
        byPart.put(PARTS.get(part), List.of(facet));
      }
      byPart.put(Schema.YEAR, years(byPart.get(Schema.MONTH)));
      Map<String, List<FacetValue>> out = new LinkedHashMap<>();
      for (String field : FIELDS) {
        out.put(field, byPart.get(field));
      }
      return out;
    }

    /** Years from months in order ({@code 2015-10} is in {@code 2015}): each year's months adjoin. */
    private static List<FacetValue> years(List<FacetValue> months) {
      List<FacetValue> years = new ArrayList<>();
      for (FacetValue month : months) {
        String year = month.value().substring(0, month.value().lastIndexOf('-'));
        FacetValue last = years.isEmpty() ? null : years.getLast();
        if (last != null && last.value().equals(year)) {
          years.set(years.size() - 1, new FacetValue(year, last.count() + month.count()));
        } else {
          years.add(new FacetValue(year, month.count()));
        }
      }
      return List.copyOf(years);
    }

    /** The order of the values known now, remade when values have been added since. */
    private Ranked rankedFor(int numbers) {
      Ranked current = ranked;
      if (current.values.length >= numbers) {
        return current;
      }
      synchronized (this) {
        if (ranked.values.length < values.size()) {
          ranked = Ranked.of(parts, values);
        }
        return ranked;
      }
    }
  }

  /**
   * Every value known at one time, and their order by facet, then by value: {@code rank[n]} is the
   * place of value number {@code n}, {@code byRank} the inverse. Sorting facet values is then
   * sorting numbers.
   */
  private record Ranked(String[] values, int[] partOf, int[] rank, int[] byRank) {
    static Ranked of(List<Integer> parts, List<String> values) {
      int size = values.size();
      Integer[] order = new Integer[size];
      for (int number = 0; number < size; number++) {
        order[number] = number;
      }
      Arrays.sort(
          order,
          Comparator.<Integer>comparingInt(parts::get).thenComparing(values::get));
      int[] rank = new int[size];
      int[] byRank = new int[size];
      for (int place = 0; place < size; place++) {
        rank[order[place]] = place;
        byRank[place] = order[place];
      }
      int[] partOf = parts.stream().mapToInt(Integer::intValue).toArray();
      return new Ranked(values.toArray(String[]::new), partOf, rank, byRank);
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
  static final class Manager implements CollectorManager<Counter, Map<String, List<FacetValue>>> {
    private final Tables tables;

    Manager(Tables tables) {
      this.tables = tables;
    }

    @Override
    public Counter newCollector() {
      return new Counter(tables);
    }

    @Override
    public Map<String, List<FacetValue>> reduce(Collection<Counter> collectors) {
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
      return tables.sorted(counts);
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
