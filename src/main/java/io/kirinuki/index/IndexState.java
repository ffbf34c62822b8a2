package io.kirinuki.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * The indexer's picture of what the index holds: which files yielded which posts, and which
 * articles each post quotes. Read from doc values at the start of a run, kept up to date by the
 * run's single planning thread, and used to skip unchanged files and to find orphans.
 */
final class IndexState {
  private final Map<String, FileEntry> files = new HashMap<>();
  private final Map<String, List<String>> posts = new HashMap<>();
  private final Set<String> articles = new HashSet<>();

  private record FileEntry(String hash, List<String> postIds) {}

  static IndexState empty() {
    return new IndexState();
  }

  /** Reads the state of the writer's index through doc values (no stored text is touched). */
  static IndexState read(IndexWriter writer) throws IOException {
    IndexState state = new IndexState();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        state.readLeaf(leaf.reader());
      }
    }
    return state;
  }

  private void readLeaf(LeafReader leaf) throws IOException {
    SortedDocValues ids = leaf.getSortedDocValues(Schema.ID);
    SortedSetDocValues types = leaf.getSortedSetDocValues(Schema.TYPE);
    SortedDocValues paths = leaf.getSortedDocValues(Schema.PATH);
    SortedDocValues hashes = leaf.getSortedDocValues(Schema.HASH);
    SortedSetDocValues postIds = leaf.getSortedSetDocValues(Schema.POST_IDS);
    SortedSetDocValues articleIds = leaf.getSortedSetDocValues(Schema.ARTICLE_IDS);
    if (ids == null || types == null) {
      return;
    }
    Bits live = leaf.getLiveDocs();
    for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
      if (live != null && !live.get(doc)) {
        continue;
      }
      String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
      if (!types.advanceExact(doc)) {
        continue;
      }
      String type = types.lookupOrd(types.nextOrd()).utf8ToString();
      switch (type) {
        case Schema.TYPE_FILE -> {
          String path = value(paths, doc);
          String hash = value(hashes, doc);
          if (path != null && hash != null) {
            files.put(path, new FileEntry(hash, values(postIds, doc)));
          }
        }
        case Schema.TYPE_POST -> posts.put(id, values(articleIds, doc));
        case Schema.TYPE_ARTICLE -> articles.add(id);
        default -> {}
      }
    }
  }

  private static String value(SortedDocValues values, int doc) throws IOException {
    if (values == null || !values.advanceExact(doc)) {
      return null;
    }
    return values.lookupOrd(values.ordValue()).utf8ToString();
  }

  private static List<String> values(SortedSetDocValues values, int doc) throws IOException {
    if (values == null || !values.advanceExact(doc)) {
      return List.of();
    }
    List<String> out = new ArrayList<>(values.docValueCount());
    for (int i = 0; i < values.docValueCount(); i++) {
      out.add(values.lookupOrd(values.nextOrd()).utf8ToString());
    }
    return out;
  }

  /** The content hash the index holds for a file, or null when the file is new to it. */
  String hashOf(String path) {
    FileEntry entry = files.get(path);
    return entry == null ? null : entry.hash();
  }

  Collection<String> filePaths() {
    return files.keySet();
  }

  boolean hasPost(String id) {
    return posts.containsKey(id);
  }

  void addPost(String id, List<String> articleIds) {
    posts.put(id, List.copyOf(articleIds));
  }

  /** Records an article; true when it was new. */
  boolean addArticle(String id) {
    return articles.add(id);
  }

  void putFile(String path, String hash, List<String> postIds) {
    files.put(path, new FileEntry(hash, postIds));
  }

  void removeFile(String path) {
    files.remove(path);
  }

  void removePost(String id) {
    posts.remove(id);
  }

  void removeArticle(String id) {
    articles.remove(id);
  }

  /** Files whose record names any of the given posts. */
  List<String> filesReferencing(Set<String> postIds) {
    List<String> out = new ArrayList<>();
    files.forEach(
        (path, entry) -> {
          if (entry.postIds().stream().anyMatch(postIds::contains)) {
            out.add(path);
          }
        });
    return out;
  }

  /** Posts that no file yields any more. */
  List<String> orphanPosts() {
    Set<String> referenced = new HashSet<>();
    for (FileEntry entry : files.values()) {
      referenced.addAll(entry.postIds());
    }
    return posts.keySet().stream().filter(id -> !referenced.contains(id)).sorted().toList();
  }

  /** Articles that no remaining post quotes. Call after the orphan posts are removed. */
  List<String> orphanArticles() {
    Set<String> referenced = new HashSet<>();
    Set<String> orphanPosts = new HashSet<>(orphanPosts());
    posts.forEach(
        (id, articleIds) -> {
          if (!orphanPosts.contains(id)) {
            referenced.addAll(articleIds);
          }
        });
    return articles.stream().filter(id -> !referenced.contains(id)).sorted().toList();
  }

  /** Posts plus articles. */
  long documentCount() {
    return posts.size() + articles.size();
  }
}
