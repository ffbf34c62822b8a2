package io.kirinuki.search;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * A value made once per segment, the first time a search asks for it, and dropped when Lucene
 * closes the segment (its core: deletions do not make a new one). Thread-safe.
 */
final class PerSegment<V> {
  /** Makes a segment's value. */
  interface Maker<V> {
    V make() throws IOException;
  }

  private final Map<IndexReader.CacheKey, V> bySegment = new ConcurrentHashMap<>();

  /**
   * The value of {@code segment}, made by {@code maker} if it has none yet; made every time for a
   * segment that Lucene gives no core key.
   */
  V get(LeafReader segment, Maker<V> maker) throws IOException {
    IndexReader.CacheHelper cache = segment.getCoreCacheHelper();
    if (cache == null) {
      return maker.make();
    }
    V value = bySegment.get(cache.getKey());
    if (value == null) {
      value = maker.make();
      V earlier = bySegment.putIfAbsent(cache.getKey(), value);
      if (earlier == null) {
        cache.addClosedListener(bySegment::remove);
      } else {
        value = earlier;
      }
    }
    return value;
  }

  /** How many segments have a value (for tests: closed segments leave none behind). */
  int size() {
    return bySegment.size();
  }
}
