package io.kirinuki.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.Samples;
import io.kirinuki.analysis.Analyzers;
import io.kirinuki.corpus.Outlets;
import io.kirinuki.corpus.PostParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codec's uncompressed stored fields give back exactly what was stored: the sample posts'
 * paragraphs, an empty value, and a value many chunks long; after merges; and beside segments the
 * plain Lucene codec wrote.
 */
class KirinukiCodecTest {
  @TempDir Path work;

  /** The samples' lines as stored values (short and long, Japanese), then an empty one. */
  private static List<String> values() {
    List<String> out = new ArrayList<>();
    for (String name : Samples.NAMES) {
      out.addAll(Samples.text(name).lines().toList());
    }
    out.add("");
    // More than twice a chunk: Lucene writes and reads such a chunk in slices.
    out.add(String.join("\n", Samples.text(Samples.FIRST), Samples.text(Samples.SECOND)).repeat(3));
    return out;
  }

  /** Values {@code from} to {@code to}, each with its number and the copy it belongs to. */
  private static void add(IndexWriter writer, List<String> values, int from, int to, int copy)
      throws IOException {
    for (int i = from; i < to; i++) {
      Document doc = new Document();
      doc.add(new StringField("n", Integer.toString(i), Field.Store.YES));
      doc.add(new StringField("copy", Integer.toString(copy), Field.Store.YES));
      doc.add(new StoredField("text", values.get(i)));
      writer.addDocument(doc);
    }
  }

  private static IndexWriterConfig config(Codec codec) {
    return new IndexWriterConfig(new WhitespaceAnalyzer()).setCodec(codec);
  }

  /** The stored values of one copy, by the number stored beside each. */
  private static List<String> readBack(Directory dir, int count, int copy) throws IOException {
    String[] out = new String[count];
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        Document document = stored.document(doc);
        if (document.get("copy").equals(Integer.toString(copy))) {
          out[Integer.parseInt(document.get("n"))] = document.get("text");
        }
      }
    }
    return java.util.Arrays.asList(out);
  }

  private static List<String> codecs(Directory dir) throws IOException {
    List<String> out = new ArrayList<>();
    for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(dir)) {
      out.add(segment.info.getCodec().getName());
    }
    return out;
  }

  private static void assertIndexIsClean(Directory dir) throws IOException {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (CheckIndex check = new CheckIndex(dir)) {
      check.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
      assertTrue(check.checkIndex().clean, log.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void storedValuesComeBackUnchangedAcrossChunksAndAfterAMerge() throws IOException {
    List<String> values = values();
    assertTrue(values.getLast().getBytes(StandardCharsets.UTF_8).length > 2 * 16 * 1024);
    int half = values.size() / 2;
    try (Directory dir = FSDirectory.open(work.resolve("index"))) {
      try (IndexWriter writer = new IndexWriter(dir, config(new KirinukiCodec()))) {
        add(writer, values, 0, half, 0);
        writer.commit(); // two segments, then one merged from both
        add(writer, values, half, values.size(), 0);
      }
      assertEquals(List.of(KirinukiCodec.NAME, KirinukiCodec.NAME), codecs(dir));
      assertEquals(values, readBack(dir, values.size(), 0));

      try (IndexWriter writer = new IndexWriter(dir, config(new KirinukiCodec()))) {
        writer.forceMerge(1);
      }
      assertEquals(List.of(KirinukiCodec.NAME), codecs(dir));
      assertEquals(values, readBack(dir, values.size(), 0));
      assertIndexIsClean(dir);
    }
  }

  @Test
  void segmentsOfThePlainLuceneCodecStayReadableAndMergeIntoThisOne() throws IOException {
    List<String> values = values();
    try (Directory dir = FSDirectory.open(work.resolve("index"))) {
      try (IndexWriter writer = new IndexWriter(dir, config(new Lucene104Codec()))) {
        add(writer, values, 0, values.size(), 0);
      }
      try (IndexWriter writer = new IndexWriter(dir, config(new KirinukiCodec()))) {
        add(writer, values, 0, values.size(), 1);
        writer.commit();
        assertEquals(List.of("Lucene104", KirinukiCodec.NAME), codecs(dir));
        assertEquals(values, readBack(dir, values.size(), 0));
        assertEquals(values, readBack(dir, values.size(), 1));
        writer.forceMerge(1);
      }
      assertEquals(List.of(KirinukiCodec.NAME), codecs(dir));
      assertEquals(values, readBack(dir, values.size(), 0));
      assertEquals(values, readBack(dir, values.size(), 1));
      assertIndexIsClean(dir);
    }
  }

  @Test
  void theIndexerWritesItsSegmentsWithThisCodec() throws IOException {
    Path index = work.resolve("index");
    new Indexer(
            index, Analyzers.load(), new PostParser(Outlets.load()), Indexer.Settings.defaults())
        .index(SourceText.bundledSamples(), Indexer.Progress.NONE);
    try (Directory dir = FSDirectory.open(index)) {
      List<String> codecs = codecs(dir);
      assertTrue(
          !codecs.isEmpty() && codecs.stream().allMatch(KirinukiCodec.NAME::equals),
          codecs.toString());
    }
  }
}
