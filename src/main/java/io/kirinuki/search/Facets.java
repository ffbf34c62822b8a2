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
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts facet values over every matching document, not only one page: type, outlet, year and
 * month, read from sorted-set doc values.
 *
 * <p>lucene-facet 10.4.0 is not served where this project builds, and four low-cardinality fields
 * need no taxonomy: a leaf counts ordinals into an array, and the counts are merged by value.
 */
final class Facets {
  /** Facet names as the API reports them (doc-values fields of that name, but for the year). */
  static final List<String> FIELDS = List.of(Schema.TYPE, Schema.OUTLET, Schema.YEAR, Schema.MONTH);

  /**
   * The fields a collector reads per document; {@link Manager#reduce} adds the year from the
   * month's totals ({@code 2015-10} is in {@code 2015}), one doc-values lookup fewer per match.
   */
  private static final List<String> READ = List.of(Schema.TYPE, Schema.OUTLET, Schema.MONTH);

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
      Map<String, Map<String, Long>> total = new HashMap<>();
      for (Counter counter : collectors) {
        counter.flushLeaf();
        counter.counts.forEach(
            (field, values) -> {
              Map<String, Long> into = total.computeIfAbsent(field, f -> new HashMap<>());
              values.forEach((value, count) -> into.merge(value, count, Long::sum));
            });
      }
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
    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    private SortedSetDocValues[] values;
    private int[][] ordinalCounts;

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      flushLeaf();
      values = new SortedSetDocValues[READ.size()];
      ordinalCounts = new int[READ.size()][];
      for (int f = 0; f < READ.size(); f++) {
        values[f] = DocValues.getSortedSet(context.reader(), READ.get(f));
        ordinalCounts[f] = new int[(int) Math.min(Integer.MAX_VALUE, values[f].getValueCount())];
      }
      SortedSetDocValues[] leafValues = values;
      int[][] leafCounts = ordinalCounts;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          for (int f = 0; f < leafValues.length; f++) {
            SortedSetDocValues dv = leafValues[f];
            if (dv.advanceExact(doc)) {
              for (int i = 0; i < dv.docValueCount(); i++) {
                leafCounts[f][(int) dv.nextOrd()]++;
              }
            }
          }
        }
      };
    }

    private void flushLeaf() {
      if (values == null) {
        return;
      }
      try {
        for (int f = 0; f < READ.size(); f++) {
          Map<String, Long> into = counts.computeIfAbsent(READ.get(f), k -> new HashMap<>());
          for (int ord = 0; ord < ordinalCounts[f].length; ord++) {
            if (ordinalCounts[f][ord] > 0) {
              into.merge(
                  values[f].lookupOrd(ord).utf8ToString(), (long) ordinalCounts[f][ord], Long::sum);
            }
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
