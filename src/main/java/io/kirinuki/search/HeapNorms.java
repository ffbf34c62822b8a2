package io.kirinuki.search;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The norms of each segment read once into arrays on the heap, for the scorers to read instead of
 * the index files (issue 6). Scoring reads one norm per scored match; in this index the norms are
 * sparse (the source-file records have no text), so each read went through the sparse iterator's
 * block lookups to a memory-mapped byte: 13 % of the samples of the mix's middle words on 1 GB in
 * a JFR profile. From the arrays, the 1 GB mix took 0.97× the time and its median word 3.43 → 3.20
 * ms (.bench/AB.java, same answers). One byte per document and field, and a bit, are kept (about
 * 4 MB for the 1 GB corpus's six text fields), made the first time a search asks for a segment's
 * field and dropped when Lucene closes the segment. Thread-safe.
 */
final class HeapNorms {
  /** A field's norms: its value per document, and which documents have one. */
  private record Values(byte[] norms, FixedBitSet present, int count) {}

  /** Marks a field whose norms do not fit in a byte; its norms are read from the index. */
  private static final Values TOO_WIDE = new Values(new byte[0], new FixedBitSet(0), 0);

  /** Per segment, its fields' norms. */
  private final PerSegment<Map<String, Values>> bySegment = new PerSegment<>();

  /** {@code reader}, with the norms read from this cache; reopening it keeps the cache. */
  DirectoryReader wrap(DirectoryReader reader) throws IOException {
    return new Reader(reader);
  }

  /** How many segments have norms held (for tests: closed segments leave none behind). */
  int segments() {
    return bySegment.size();
  }

  private NumericDocValues norms(LeafReader leaf, String field) throws IOException {
    if (leaf.getCoreCacheHelper() == null) {
      return leaf.getNormValues(field); // nothing to keep them by
    }
    Map<String, Values> fields = bySegment.get(leaf, ConcurrentHashMap::new);
    Values values = fields.get(field);
    if (values == null) {
      NumericDocValues stored = leaf.getNormValues(field);
      if (stored == null) {
        return null;
      }
      values = read(stored, leaf.maxDoc());
      fields.putIfAbsent(field, values);
    }
    return values == TOO_WIDE ? leaf.getNormValues(field) : new ArrayNorms(values);
  }

  private static Values read(NumericDocValues stored, int maxDoc) throws IOException {
    byte[] norms = new byte[maxDoc];
    FixedBitSet present = new FixedBitSet(maxDoc);
    int count = 0;
    for (int doc = stored.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = stored.nextDoc()) {
      long norm = stored.longValue();
      if (norm != (byte) norm) {
        return TOO_WIDE;
      }
      norms[doc] = (byte) norm;
      present.set(doc);
      count++;
    }
    return new Values(norms, present, count);
  }

  /** Norms from the arrays, with the iterator contract of the index's own. */
  private static final class ArrayNorms extends NumericDocValues {
    private final byte[] norms;
    private final FixedBitSet present;
    private final int count;
    private int doc = -1;

    ArrayNorms(Values values) {
      this.norms = values.norms();
      this.present = values.present();
      this.count = values.count();
    }

    @Override
    public long longValue() {
      return norms[doc];
    }

    @Override
    public boolean advanceExact(int target) {
      doc = target;
      return present.get(target);
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      return advance(doc + 1);
    }

    @Override
    public int advance(int target) {
      doc = target >= present.length() ? NO_MORE_DOCS : present.nextSetBit(target);
      return doc;
    }

    @Override
    public long cost() {
      return count;
    }
  }

  private final class Reader extends FilterDirectoryReader {
    Reader(DirectoryReader in) throws IOException {
      super(
          in,
          new SubReaderWrapper() {
            @Override
            public LeafReader wrap(LeafReader leaf) {
              return new Leaf(leaf);
            }
          });
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
      return new Reader(in);
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return in.getReaderCacheHelper();
    }
  }

  /** A segment whose norms come from the cache; everything else is the segment's own. */
  private final class Leaf extends FilterLeafReader {
    Leaf(LeafReader in) {
      super(in);
    }

    @Override
    public NumericDocValues getNormValues(String field) throws IOException {
      return norms(in, field);
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return in.getCoreCacheHelper();
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return in.getReaderCacheHelper();
    }
  }
}
