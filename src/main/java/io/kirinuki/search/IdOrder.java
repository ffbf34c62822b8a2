package io.kirinuki.search;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * Orders documents by a sorted doc values field, as {@code new SortField(field,
 * SortField.Type.STRING)} does, but reads a hit's value only when it is compared with a hit of
 * another segment or asked for at the end (issue 6).
 *
 * <p>Every order of a search ends with the id, so that equal scores come out in a stable order.
 * Lucene's comparator looks up the id of every hit that enters the page, in a compressed terms
 * dictionary; those hits are many for a frequent word, and the ids are rarely needed, since the
 * score decides unless two scores are equal. Here a hit keeps its ordinal in its segment, and its
 * id is looked up only when needed: the 1 GB mix took 0.97× the time and its median word 2.93 →
 * 2.79 ms, with the same answers (.bench/AB.java).
 */
final class IdOrder extends FieldComparatorSource {

  /** Orders by {@code field}'s values, smallest first, documents without a value first. */
  static SortField of(String field) {
    return new SortField(field, new IdOrder());
  }

  @Override
  public FieldComparator<BytesRef> newComparator(
      String field, int numHits, Pruning pruning, boolean reversed) {
    return new Comparator(field, numHits);
  }

  private static final class Comparator extends FieldComparator<BytesRef> {
    private final String field;

    /** Per slot: the hit's ordinal in its segment (-1: none), its segment, its value once read. */
    private final int[] ords;

    private final int[] leaves;
    private final BytesRef[] values;

    /** Per segment (by its ord in the top reader): the values, for looking up a slot's value. */
    private SortedDocValues[] leafValues = new SortedDocValues[0];

    private BytesRef top;

    /** The slot of the page's last hit, once the page is full; -1 until then. */
    private int bottomSlot = -1;

    Comparator(String field, int numHits) {
      this.field = field;
      this.ords = new int[numHits];
      this.leaves = new int[numHits];
      this.values = new BytesRef[numHits];
    }

    @Override
    public int compare(int slot1, int slot2) {
      if (leaves[slot1] == leaves[slot2]) {
        return Integer.compare(ords[slot1], ords[slot2]);
      }
      return compareValues(value(slot1), value(slot2));
    }

    @Override
    public void setTopValue(BytesRef value) {
      top = value;
    }

    @Override
    public BytesRef value(int slot) {
      if (values[slot] == null && ords[slot] >= 0) {
        try {
          values[slot] = BytesRef.deepCopyOf(leafValues[leaves[slot]].lookupOrd(ords[slot]));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return values[slot];
    }

    @Override
    public LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
      int leaf = context.ord;
      int leafCount = ReaderUtil.getTopLevelContext(context).leaves().size();
      if (leafValues.length < leafCount) {
        leafValues = java.util.Arrays.copyOf(leafValues, leafCount);
      }
      // Two readers of the values: one walks the segment's hits in order, the other looks up the
      // values of slots later.
      leafValues[leaf] = DocValues.getSorted(context.reader(), field);
      Leaf comparator = new Leaf(leaf, DocValues.getSorted(context.reader(), field));
      if (bottomSlot != -1) {
        // The collector sets the bottom only when it changes: place it among this segment's values.
        comparator.setBottom(bottomSlot);
      }
      return comparator;
    }

    /** The comparisons within one segment, by ordinal. */
    private final class Leaf implements LeafFieldComparator {
      private final int leaf;
      private final SortedDocValues docValues;

      /**
       * The bottom's ordinal here: its own if it is of this segment or its value is here; else the
       * ordinal of the largest value below it, with {@link #bottomHere} false.
       */
      private int bottomOrd;

      private boolean bottomHere;

      Leaf(int leaf, SortedDocValues docValues) {
        this.leaf = leaf;
        this.docValues = docValues;
      }

      private int ordOf(int doc) throws IOException {
        return docValues.advanceExact(doc) ? docValues.ordValue() : -1;
      }

      @Override
      public void setBottom(int slot) throws IOException {
        bottomSlot = slot;
        if (leaves[slot] == leaf || ords[slot] < 0) {
          bottomOrd = ords[slot];
          bottomHere = true;
          return;
        }
        int found = docValues.lookupTerm(value(slot));
        bottomHere = found >= 0;
        bottomOrd = bottomHere ? found : -found - 2;
      }

      @Override
      public int compareBottom(int doc) throws IOException {
        int ord = ordOf(doc);
        if (bottomHere) {
          return Integer.compare(bottomOrd, ord);
        }
        // The bottom lies between bottomOrd and the next ordinal: it is above every value up to
        // bottomOrd, below every value after it.
        return ord <= bottomOrd ? 1 : -1;
      }

      @Override
      public int compareTop(int doc) throws IOException {
        int ord = ordOf(doc);
        return compareValues(top, ord < 0 ? null : docValues.lookupOrd(ord));
      }

      @Override
      public void copy(int slot, int doc) throws IOException {
        ords[slot] = ordOf(doc);
        leaves[slot] = leaf;
        values[slot] = null;
      }

      @Override
      public void setScorer(Scorable scorer) {}
    }
  }
}
