package io.kirinuki.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class SnippetScorerTest {

  private static final String[] TERMS = {"ファ", "イル", "ル", "設定", "収賄", "顔認証"};

  @Test
  void scoresEveryPassageExactlyAsLucenesScorer() {
    PassageScorer lucene = new PassageScorer();
    SnippetScorer ours = new SnippetScorer();
    Random random = new Random(42);
    int withRepeats = 0;
    for (int round = 0; round < 2_000; round++) {
      Passage passage = new Passage();
      int start = random.nextInt(5_000);
      passage.setStartOffset(start);
      // Matches lie inside the passage (the highlighter sets its end as it goes).
      passage.setEndOffset(start + 250 + random.nextInt(80));
      int matches = random.nextInt(12);
      int at = start;
      boolean repeated = false;
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i < matches; i++) {
        String term = TERMS[random.nextInt(TERMS.length)];
        repeated |= !seen.add(term);
        at += random.nextInt(20);
        // Every match of one term carries the same document frequency, as in the highlighter.
        passage.addMatch(at, at + 2, new BytesRef(term), 1 + Math.floorMod(term.hashCode(), 40));
      }
      int contentLength = passage.getEndOffset() + random.nextInt(10_000);
      withRepeats += repeated ? 1 : 0;
      assertEquals(
          lucene.score(passage, contentLength),
          ours.score(passage, contentLength),
          0f,
          () -> "passage " + passage);
    }
    // The case the term comparison is for: a term matched more than once in one passage.
    assertNotEquals(0, withRepeats);
  }

  @Test
  void aRepeatedTermCountsAsOneTermWithItsFrequency() {
    Passage once = passage("収賄", "収賄", "設定");
    Passage twice = passage("収賄", "設定", "顔認証");
    SnippetScorer scorer = new SnippetScorer();
    // Two distinct-term passages outscore one that repeats a term (BM25 saturates frequency).
    assertEquals(new PassageScorer().score(once, 1_000), scorer.score(once, 1_000), 0f);
    assertNotEquals(scorer.score(once, 1_000), scorer.score(twice, 1_000));
  }

  private static Passage passage(String... terms) {
    Passage passage = new Passage();
    passage.setStartOffset(0);
    passage.setEndOffset(40);
    for (int i = 0; i < terms.length; i++) {
      passage.addMatch(i * 3, i * 3 + 2, new BytesRef(terms[i]), 3);
    }
    return passage;
  }
}
