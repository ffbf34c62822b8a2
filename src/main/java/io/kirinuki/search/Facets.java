package io.kirinuki.search;

import io.kirinuki.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
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
 * need no taxonomy: a leaf counts the ordinals of its type-outlet-month combinations into an array;
 * the combinations found are merged over the leaves, then split into their parts once. The year is
 * added last, from the months ({@code 2015-10} is in {@code 2015}).
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

  /** Collects counts; one collector per search slice, merged by {@link #reduce}. */
  static final class Manager implements CollectorManager<Counter, Map<String, Map<String, Long>>> {
    @Override
    public Counter newCollector() {
      return new Counter();
    }

    @Override
    public Map<String, Map<String, Long>> reduce(Collection<Counter> collectors) {
      Map<String, Long> combinations = new HashMap<>();
      for (Counter counter : collectors) {
        counter.flushLeaf();
        counter.combinations.forEach((key, count) -> combinations.merge(key, count, Long::sum));
      }
      // Each combination found is split once per search, not once per segment it occurs in.
      Map<String, Map<String, Long>> total = new HashMap<>();
      combinations.forEach(
          (key, count) -> {
            String[] parts = Schema.facetParts(key);
            for (int i = 0; i < PARTS.size(); i++) {
              if (!parts[i].isEmpty()) {
                total
                    .computeIfAbsent(PARTS.get(i), f -> new HashMap<>())
                    .merge(parts[i], count, Long::sum);
              }
            }
          });
      Map<String, Long> years = new HashMap<>();
      total
          .getOrDefault(Schema.MONTH, Map.of())
          .forEach(
              (month, count) ->
                  years.merge(month.substring(0, month.lastIndexOf('-')), count, Long::sum));
      total.put(Schema.YEAR, years);
      return total;
    }
  }

  /** Counts ordinals per leaf, then turns them into values when the leaf is done. */
  static final class Counter implements Collector {
    /** {@link Schema#FACETS} values and the number of matches that have them. */
    private final Map<String, Long> combinations = new HashMap<>();

    private SortedDocValues values;
    private int[] ordinalCounts;

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      flushLeaf();
      values = DocValues.getSorted(context.reader(), Schema.FACETS);
      ordinalCounts = new int[values.getValueCount()];
      SortedDocValues leafValues = values;
      int[] leafCounts = ordinalCounts;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (leafValues.advanceExact(doc)) {
            leafCounts[leafValues.ordValue()]++;
          }
        }
      };
    }

    private void flushLeaf() {
      if (values == null) {
        return;
      }
      try {
        for (int ord = 0; ord < ordinalCounts.length; ord++) {
          if (ordinalCounts[ord] > 0) {
            combinations.merge(
                values.lookupOrd(ord).utf8ToString(), (long) ordinalCounts[ord], Long::sum);
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      values = null;
      ordinalCounts = null;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
