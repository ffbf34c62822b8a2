package io.kirinuki.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kirinuki.analysis.Analyzers;
import io.kirinuki.analysis.Normalizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class QueryBuilderTest {

  @Test
  void aWordIsTheBigramsThatCoverEachCharacterOnce() {
    assertEquals("body:ファ", terms(QueryBuilder.gramQuery("body", "ファ")));
    assertEquals("body:ファ@0 body:ァイ@1", terms(QueryBuilder.gramQuery("body", "ファイ")));
    assertEquals("body:ファ@0 body:イル@2", terms(QueryBuilder.gramQuery("body", "ファイル")));
    // odd length: the last bigram overlaps the one before it by a character
    assertEquals(
        "body:オプ@0 body:ショ@2 body:ョン@3",
        terms(QueryBuilder.gramQuery("body", Normalizer.normalize("オプション"))));
    assertEquals("body:マイ@0 body:ナン@2 body:バー@4", terms(QueryBuilder.gramQuery("body", "マイナンバー")));
  }

  @Test
  void coveringBigramsMatchExactlyTheTextsThatContainTheWord() throws IOException {
    List<String> texts =
        List.of(
            "NEC顔認証システム受注", // contains it
            "顔認証 システム", // a space breaks it
            "顔認証シスター、ステム", // every covering bigram, not in a row
            "顔認証システ", // one character short
            "システム顔認証", // the halves swapped
            "新しい顔認証システムの導入"); // contains it
    assertEquals(List.of(0, 5), matches(texts, "顔認証システム"));
    assertEquals(List.of(0, 3, 5), matches(texts, "顔認証システ"));
    assertEquals(List.of(0, 1, 4, 5), matches(texts, "システム"));
  }

  private static List<Integer> matches(List<String> texts, String word) throws IOException {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    try (Analyzers analyzers = Analyzers.load();
        Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(analyzers.gram()))) {
        for (int i = 0; i < texts.size(); i++) {
          Document doc = new Document();
          doc.add(new StringField("n", Integer.toString(i), Field.Store.YES));
          doc.add(new Field("body", texts.get(i), type));
          writer.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query query = QueryBuilder.gramQuery("body", Normalizer.normalize(word));
        List<Integer> found = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query, texts.size()).scoreDocs) {
          found.add(Integer.parseInt(searcher.storedFields().document(hit.doc).get("n")));
        }
        found.sort(null);
        return found;
      }
    }
  }

  private static String terms(Query query) {
    if (query instanceof TermQuery term) {
      return term.getTerm().toString();
    }
    PhraseQuery phrase = (PhraseQuery) query;
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < phrase.getTerms().length; i++) {
      parts.add(phrase.getTerms()[i] + "@" + phrase.getPositions()[i]);
    }
    return String.join(" ", parts);
  }
}
