package io.kirinuki.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.index.Schema;
import io.kirinuki.search.IndexStats;
import io.kirinuki.search.Searcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/** What an index on disk holds, read the way a fresh reader after a crash would see it. */
final class ReliabilityIndex {
  private ReliabilityIndex() {}

  /** Counts of the latest commit, through the same {@link Searcher} that {@code serve} uses. */
  static IndexStats stats(Path index) throws IOException {
    try (Searcher searcher = Searcher.open(index)) {
      return searcher.stats();
    }
  }

  /** The ids of every live post and article of the latest commit, sorted. */
  static SortedSet<String> documentIds(Path index) throws IOException {
    SortedSet<String> ids = new TreeSet<>();
    try (Directory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        SortedDocValues id = leaf.reader().getSortedDocValues(Schema.ID);
        SortedSetDocValues type = leaf.reader().getSortedSetDocValues(Schema.TYPE);
        Bits live = leaf.reader().getLiveDocs();
        if (id == null || type == null) {
          continue;
        }
        for (int doc = id.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = id.nextDoc()) {
          if ((live == null || live.get(doc)) && type.advanceExact(doc)) {
            String kind = type.lookupOrd(type.nextOrd()).utf8ToString();
            if (!kind.equals(Schema.TYPE_FILE)) {
              ids.add(id.lookupOrd(id.ordValue()).utf8ToString());
            }
          }
        }
      }
    }
    return ids;
  }

  /** Lucene's own full integrity check of the latest commit (every file, every checksum). */
  static void assertIntact(Path index) throws IOException {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (Directory dir = FSDirectory.open(index);
        CheckIndex check = new CheckIndex(dir)) {
      check.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
      CheckIndex.Status status = check.checkIndex();
      assertTrue(status.clean, "CheckIndex found damage:\n" + log.toString(StandardCharsets.UTF_8));
    }
  }
}
