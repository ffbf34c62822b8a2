package io.kirinuki.index;

import io.kirinuki.analysis.Analyzers;
import io.kirinuki.analysis.MorphTokens;
import io.kirinuki.corpus.Article;
import io.kirinuki.corpus.Post;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/**
 * Turns parsed posts, articles and source-file records into Lucene documents (pure: no I/O).
 *
 * <p>The morphological and reading fields are pre-analysed from one Kuromoji pass per text ({@link
 * Analyzers#analyzeOnce}), which is what makes indexing cost one tokenisation, not two.
 */
public final class DocumentMapper {
  private final Analyzers analyzers;

  public DocumentMapper(Analyzers analyzers) {
    this.analyzers = analyzers;
  }

  /** A post: its commentary is the body; its articles are referenced by id, in page order. */
  public Document post(Post post) {
    Document doc = new Document();
    addKey(doc, post.id(), Schema.TYPE_POST);
    addText(doc, post.title(), post.commentary());
    addDate(doc, post.date());
    addFacets(doc, Schema.TYPE_POST, null, post.date());
    addStored(doc, Schema.URL, post.url());
    addStored(doc, Schema.FILE, post.file());
    if (post.comments() != null) {
      doc.add(new StoredField(Schema.COMMENTS, post.comments()));
    }
    for (Article article : post.articles()) {
      doc.add(new StringField(Schema.ARTICLE_IDS, article.id(), Field.Store.YES));
      doc.add(new SortedSetDocValuesField(Schema.ARTICLE_IDS, new BytesRef(article.id())));
    }
    return doc;
  }

  /** A quoted article, independent of the posts that quote it (they point to it by id). */
  public Document article(Article article) {
    Document doc = new Document();
    addKey(doc, article.id(), Schema.TYPE_ARTICLE);
    addText(doc, article.title(), article.body());
    addDate(doc, article.date());
    addFacets(doc, Schema.TYPE_ARTICLE, article.outlet(), article.date());
    if (article.outlet() != null) {
      doc.add(new StringField(Schema.OUTLET, article.outlet(), Field.Store.YES));
      doc.add(new SortedSetDocValuesField(Schema.OUTLET, new BytesRef(article.outlet())));
    }
    addStored(doc, Schema.OUTLET_RAW, article.outletRaw());
    addStored(doc, Schema.AUTHOR, article.author());
    return doc;
  }

  /** The bookkeeping record of one source file: its hash and the posts it yielded. */
  public Document sourceFile(SourceRecord file) {
    Document doc = new Document();
    addKey(doc, file.id(), Schema.TYPE_FILE);
    // Never counted (no query finds file records) but written, so that every document has a value
    // and the field stays dense, the cheapest to read.
    addFacets(doc, Schema.TYPE_FILE, null, null);
    doc.add(new StringField(Schema.PATH, file.path(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Schema.PATH, new BytesRef(file.path())));
    doc.add(new StoredField(Schema.HASH, file.hash()));
    doc.add(new SortedDocValuesField(Schema.HASH, new BytesRef(file.hash())));
    doc.add(new StoredField(Schema.BYTES, file.bytes()));
    for (String postId : file.postIds()) {
      doc.add(new StringField(Schema.POST_IDS, postId, Field.Store.YES));
      doc.add(new SortedSetDocValuesField(Schema.POST_IDS, new BytesRef(postId)));
    }
    return doc;
  }

  private static void addKey(Document doc, String id, String type) {
    doc.add(new StringField(Schema.ID, id, Field.Store.YES));
    // Sorted doc values on the id break score ties deterministically.
    doc.add(new SortedDocValuesField(Schema.ID, new BytesRef(id)));
    doc.add(new StringField(Schema.TYPE, type, Field.Store.YES));
    doc.add(new SortedSetDocValuesField(Schema.TYPE, new BytesRef(type)));
  }

  private void addText(Document doc, String title, String body) {
    String safeTitle = title == null ? "" : title;
    String safeBody = body == null ? "" : body;
    doc.add(new Field(Schema.TITLE, safeTitle, Schema.GRAM_STORED));
    doc.add(new Field(Schema.BODY, safeBody, Schema.GRAM_STORED));
    MorphTokens titleTokens = analyzers.analyzeOnce(safeTitle);
    doc.add(new Field(Schema.TITLE_MORPH, titleTokens.morph(), Schema.MORPH));
    doc.add(new Field(Schema.TITLE_READING, titleTokens.reading(), Schema.READING));
    MorphTokens bodyTokens = analyzers.analyzeOnce(safeBody);
    doc.add(new Field(Schema.BODY_MORPH, bodyTokens.morph(), Schema.MORPH));
    doc.add(new Field(Schema.BODY_READING, bodyTokens.reading(), Schema.READING));
  }

  private static void addDate(Document doc, LocalDate date) {
    if (date == null) {
      return;
    }
    int epochDay = (int) date.toEpochDay();
    doc.add(new IntPoint(Schema.DATE, epochDay));
    doc.add(new NumericDocValuesField(Schema.DATE, epochDay));
    doc.add(new StoredField(Schema.DATE, date.toString()));
  }

  private static void addFacets(Document doc, String type, String outlet, LocalDate date) {
    String month = date == null ? null : monthOf(date);
    doc.add(
        new SortedDocValuesField(
            Schema.FACETS, new BytesRef(Schema.facetKey(type, outlet, month))));
  }

  static String monthOf(LocalDate date) {
    return String.format("%04d-%02d", date.getYear(), date.getMonthValue());
  }

  private static void addStored(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new StoredField(field, value));
    }
  }

  /** What the index remembers of one source file. */
  public record SourceRecord(
      String id, String path, String hash, long bytes, List<String> postIds) {}
}
