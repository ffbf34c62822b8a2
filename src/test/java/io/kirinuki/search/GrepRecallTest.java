package io.kirinuki.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.Samples;
import io.kirinuki.analysis.Normalizer;
import io.kirinuki.corpus.Article;
import io.kirinuki.corpus.Post;
import io.kirinuki.corpus.PostParser;
import io.kirinuki.search.SearchRequest.Sort;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract's recall promise as a property: any substring of a document's text, searched as
 * a phrase, finds that document (grep -F over the parsed text, after normalisation).
 */
class GrepRecallTest {
  static final long SEED = 20151013L;
  static final int SAMPLES_PER_TEXT = 80;

  @TempDir static Path dir;
  static Searcher searcher;
  /** Document id and one of its searchable texts (headline or body), in parse order. */
  static List<Map.Entry<String, String>> texts;

  @BeforeAll
  static void index() throws IOException {
    SampleIndex.build(dir);
    searcher = SampleIndex.open(dir);
    texts = new ArrayList<>();
    PostParser parser = new PostParser(SampleIndex.OUTLETS);
    for (String name : Samples.NAMES) {
      for (Post post : parser.parse(Samples.text(name), name)) {
        texts.add(Map.entry(post.id(), post.title()));
        texts.add(Map.entry(post.id(), post.commentary()));
        for (Article article : post.articles()) {
          texts.add(Map.entry(article.id(), article.title()));
          texts.add(Map.entry(article.id(), article.body()));
        }
      }
    }
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }


  @Test
  void everySubstringOfOneToEightCharactersFindsItsDocument() {
    Random random = new Random(SEED);
    List<String> misses = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, String> doc : texts) {
      int[] chars = doc.getValue().codePoints().toArray();
      for (int i = 0; i < SAMPLES_PER_TEXT; i++) {
        int length = 1 + random.nextInt(8);
        int start = random.nextInt(Math.max(1, chars.length - length));
        String sub = new String(chars, start, Math.min(length, chars.length - start));
        if (sub.contains("\"") || sub.contains("＂") || sub.contains("“") || sub.contains("”")
            || Normalizer.normalize(sub).isBlank()) {
          continue;
        }
        checked++;
        SearchResult result =
            searcher.search(
                new SearchRequest("\"" + sub + "\"", null, null, null, null, Sort.RELEVANCE, 1, 100));
        Set<String> ids = result.hits().stream().map(Hit::id).collect(Collectors.toSet());
        if (!ids.contains(doc.getKey())) {
          misses.add(doc.getKey() + " <" + sub + ">");
        }
      }
    }
    assertTrue(checked > 2000, "too few substrings checked: " + checked);
    assertTrue(misses.isEmpty(), misses.size() + " of " + checked + " missed: " + misses);
  }

  @Test
  void unquotedWordsFindTheirDocumentToo() {
    Random random = new Random(SEED + 1);
    List<String> misses = new ArrayList<>();
    for (Map.Entry<String, String> doc : texts) {
      int[] chars = doc.getValue().codePoints().toArray();
      for (int i = 0; i < 40; i++) {
        int length = 1 + random.nextInt(8);
        int start = random.nextInt(Math.max(1, chars.length - length));
        String sub = new String(chars, start, Math.min(length, chars.length - start));
        // Only substrings the grammar reads as one word: no spaces, quotes or leading minus.
        if (!sub.codePoints().noneMatch(c -> QueryLanguage.isSpace(c) || c == '"' || c == '＂' || c == '“' || c == '”')
            || sub.startsWith("-") || sub.startsWith("－") || sub.startsWith("−") || sub.equals("OR")
            || Normalizer.normalize(sub).isBlank()) {
          continue;
        }
        SearchResult result =
            searcher.search(new SearchRequest(sub, null, null, null, null, Sort.RELEVANCE, 1, 100));
        if (result.hits().stream().noneMatch(h -> h.id().equals(doc.getKey()))) {
          misses.add(doc.getKey() + " <" + sub + ">");
        }
      }
    }
    assertTrue(misses.isEmpty(), misses.toString());
  }
}
