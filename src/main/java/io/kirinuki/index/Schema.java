package io.kirinuki.index;

import io.kirinuki.analysis.Analyzers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * Every field of the index: its name, how it is indexed, whether it is stored, and why.
 *
 * <p>Three kinds of documents share one index, told apart by {@link #TYPE}: posts and articles
 * (what users search) and one bookkeeping document per source file (what the incremental indexer
 * needs: the file's content hash and the posts it yielded).
 */
public final class Schema {
  private Schema() {}

  /** Commit user data key under which every commit records the {@link #VERSION} it was made by. */
  public static final String VERSION_KEY = "kirinuki.schema";

  /**
   * The version of this schema. A change that Lucene cannot mix with documents already indexed
   * (index options of a field, say) makes a new version: an incremental run refuses an index of
   * another version and asks for {@code --full}. An index written before the version was recorded
   * is version 1. Version 2 counts facets from {@link #FACETS}, which version 1 lacks, so a
   * searcher refuses another version too ({@link #checkVersion}).
   */
  public static final String VERSION = "2";

  // ---- identity and kind

  /** Unique id (StringField, stored, sorted doc values for deterministic tie-breaks). */
  public static final String ID = "id";

  /** {@code post}, {@code article} or {@code file} (StringField; sorted-set doc values = facet). */
  public static final String TYPE = "type";

  public static final String TYPE_POST = "post";
  public static final String TYPE_ARTICLE = "article";
  public static final String TYPE_FILE = "file";

  // ---- searchable text: one stored source, three analyses of it

  /**
   * Headline, stored and indexed with the gram analyzer (offsets in postings): the recall field,
   * and the field the highlighter reads. For a post, its title (first sentence of commentary).
   */
  public static final String TITLE = "title";

  /** Body text, stored and gram-indexed like {@link #TITLE}; a post's body is its commentary. */
  public static final String BODY = "body";

  /** Kuromoji terms of the headline (not stored): ranks whole-word matches above substrings. */
  public static final String TITLE_MORPH = "title_morph";

  /** Kuromoji terms of the body (not stored). */
  public static final String BODY_MORPH = "body_morph";

  /** Reading grams of the headline (not stored; offsets in postings so snippets can mark them). */
  public static final String TITLE_READING = "title_reading";

  /** Reading grams of the body: a kana query finds kanji text that reads the same. */
  public static final String BODY_READING = "body_reading";

  // ---- metadata (stored; keywords also indexed for filters and facets)

  /** Canonical outlet name (StringField + sorted-set doc values for the facet); articles only. */
  public static final String OUTLET = "outlet";

  /** The outlet as written on the page (stored only). */
  public static final String OUTLET_RAW = "outlet_raw";

  /** Byline (stored only). */
  public static final String AUTHOR = "author";

  /** Date as epoch day: IntPoint for ranges, numeric doc values for sorting, stored as ISO text. */
  public static final String DATE = "date";

  /** Year of {@link #DATE} ({@code 2015}): a facet name only, counted from {@link #MONTH}. */
  public static final String YEAR = "year";

  /** Year and month of {@link #DATE} ({@code 2015-10}): a facet name, read from {@link #FACETS}. */
  public static final String MONTH = "month";

  /**
   * The type, outlet and month of every document in one sorted doc value ({@code
   * article\u001f読売\u001f2015-10}, a part empty where the document has none, {@link #facetKey}), so
   * that counting the facets of a match reads one dense value, not three sparse ones (a tenth of a
   * frequent word's search on the 1 GB corpus).
   */
  public static final String FACETS = "facets";

  /** Separates the parts of a {@link #FACETS} value; no type, outlet or month contains it. */
  public static final char FACET_SEPARATOR = '\u001f';

  /** A post's URL, source file and comment count (stored only). */
  public static final String URL = "url";

  public static final String FILE = "file";
  public static final String COMMENTS = "comments";

  /**
   * A post's quoted article ids in page order (StringField, stored): the post's article list,
   * indexed so that an article's {@code quotedIn} is a term query, and in sorted-set doc values so
   * the indexer reads its bookkeeping without decompressing stored text.
   */
  public static final String ARTICLE_IDS = "article_ids";

  // ---- file bookkeeping documents

  /** Path of a source file (StringField, stored, sorted doc values for the indexer's state). */
  public static final String PATH = "path";

  /** SHA-256 of the file's bytes (stored, sorted doc values): unchanged files are skipped. */
  public static final String HASH = "hash";

  /** Ids of the posts a file yielded (StringField, stored, doc values): a post's sources. */
  public static final String POST_IDS = "post_ids";

  /** Size of a source file in bytes (stored). */
  public static final String BYTES = "bytes";

  /**
   * Gram-indexed stored text: positions for phrases, offsets for the highlighter. Measured in issue
   * 6: without offsets, indexing saved 7 % but every search re-analysed its hits to highlight them,
   * which cost a third of the time of a query.
   */
  static final FieldType GRAM_STORED =
      textType(true, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

  /**
   * Reading grams: offsets too, because the highlighter marks reading matches in the body; without
   * them it would run Kuromoji over every hit of a kana query.
   */
  static final FieldType READING =
      textType(false, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

  /** Morphological terms: positions for compound phrases; never highlighted, so no offsets. */
  static final FieldType MORPH = textType(false, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

  /** The {@link #FACETS} value of a document; {@code outlet} and {@code month} may be null. */
  public static String facetKey(String type, String outlet, String month) {
    return type
        + FACET_SEPARATOR
        + (outlet == null ? "" : outlet)
        + FACET_SEPARATOR
        + (month == null ? "" : month);
  }

  /** The type, outlet and month of a {@link #facetKey}, in that order; an absent part is empty. */
  public static String[] facetParts(String key) {
    return key.split(String.valueOf(FACET_SEPARATOR), -1);
  }

  /**
   * Refuses an index of documents whose latest commit ({@code commitData}) was made by another
   * schema version: this one can neither add to it nor search it correctly.
   */
  public static void checkVersion(Map<String, String> commitData, int documents, Path indexDir)
      throws IOException {
    String version = commitData.getOrDefault(VERSION_KEY, "1");
    if (documents > 0 && !version.equals(VERSION)) {
      throw new IOException(
          "the index in "
              + indexDir
              + " was made by another version of kirinuki (schema "
              + version
              + ", this one reads and writes "
              + VERSION
              + "); rebuild it with `kirinuki index --full` and every source folder (an index of"
              + " the bundled samples only: empty the folder, and `serve` indexes them again)");
    }
  }

  private static FieldType textType(boolean stored, IndexOptions options) {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(stored);
    type.setIndexOptions(options);
    type.freeze();
    return type;
  }

  /** The per-field analyzer for indexing and querying: the only place fields meet analyzers. */
  public static Analyzer analyzer(Analyzers analyzers) {
    return analyzers.perField(
        Map.of(
            TITLE, analyzers.gram(),
            BODY, analyzers.gram(),
            TITLE_MORPH, analyzers.morph(),
            BODY_MORPH, analyzers.morph(),
            TITLE_READING, analyzers.reading(),
            BODY_READING, analyzers.reading()),
        analyzers.gram());
  }
}
