package io.kirinuki.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.index.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forward walk finds the JDK's Japanese sentence boundaries, at every offset of the bodies of
 * the sample index and of a few edge cases: those the JDK finds walking from the first to the last.
 */
class ForwardBreakIteratorTest {
  @TempDir static Path dir;
  static final List<String> TEXTS = new ArrayList<>();

  @BeforeAll
  static void texts() throws IOException {
    SampleIndex.build(dir);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        String body = stored.document(doc).get(Schema.BODY);
        if (body != null) {
          TEXTS.add(body);
        }
      }
    }
    TEXTS.addAll(
        List.of(
            "",
            "。",
            "a",
            "終わり。",
            "「はい。」と言った。次。\n\n改行\n",
            "Mr. Smith went. Then? Yes!",
            "優先度を表します (たとえば *.alert、mail.* などのように使います)。次の文。"));
  }

  @Test
  void followingPrecedingAndIsBoundaryAnswerFromTheJdksForwardWalkAtEveryOffset() {
    int offsets = 0;
    for (String text : TEXTS) {
      List<Integer> walked = walk(text);
      BreakIterator forward = forward(text);
      for (int offset = 0; offset <= text.length(); offset++) {
        int after = after(walked, offset);
        int before = before(walked, offset);
        assertEquals(after, forward.following(offset), at("following", offset));
        assertEquals(after == BreakIterator.DONE ? text.length() : after, forward.current());
        assertEquals(before, forward.preceding(offset), at("preceding", offset));
        assertEquals(before == BreakIterator.DONE ? 0 : before, forward.current());
        assertEquals(walked.contains(offset), forward.isBoundary(offset), at("isBoundary", offset));
        offsets++;
      }
      // Asked backwards too, on a fresh iterator: the walk must not depend on the order of asking.
      forward = forward(text);
      for (int offset = text.length(); offset >= 0; offset--) {
        assertEquals(before(walked, offset), forward.preceding(offset), at("preceding", offset));
        assertEquals(after(walked, offset), forward.following(offset), at("following", offset));
      }
    }
    assertTrue(offsets > 10_000, "the sample bodies are long: " + offsets);
  }

  @Test
  void precedingIsConsistentWhereTheJdksIsNot() {
    // Walking forward, the JDK finds no boundary inside "mail.*", but its preceding() finds one
    // after "mail" when asked from inside the sentence: a snippet cut there ended at "mail".
    String text = "優先度を表します (たとえば *.alert、mail.* などのように使います)。次の文。";
    int inside = text.indexOf("などの");
    BreakIterator jdk = jdk(text);
    assertEquals(text.indexOf(".*"), jdk.preceding(inside));
    assertEquals(0, forward(text).preceding(inside));
  }

  @Test
  void walksForwardAndBackOverTheSameBoundaries() {
    for (String text : TEXTS) {
      List<Integer> walked = walk(text);
      BreakIterator forward = forward(text);
      assertEquals(0, forward.first());
      for (int i = 1; i < walked.size(); i++) {
        assertEquals(walked.get(i), forward.next());
      }
      assertEquals(BreakIterator.DONE, forward.next());
      assertEquals(text.length(), forward.last());
      for (int i = walked.size() - 2; i >= 0; i--) {
        assertEquals(walked.get(i), forward.previous());
      }
      assertEquals(BreakIterator.DONE, forward.previous());
      assertEquals(walked.size() > 2 ? walked.get(2) : BreakIterator.DONE, forward.next(2));
    }
  }

  /** The boundaries of the JDK's walk from the first to the last. */
  private static List<Integer> walk(String text) {
    BreakIterator jdk = jdk(text);
    List<Integer> boundaries = new ArrayList<>();
    for (int b = jdk.first(); b != BreakIterator.DONE; b = jdk.next()) {
      boundaries.add(b);
    }
    return boundaries;
  }

  private static int after(List<Integer> boundaries, int offset) {
    return boundaries.stream().filter(b -> b > offset).findFirst().orElse(BreakIterator.DONE);
  }

  private static int before(List<Integer> boundaries, int offset) {
    return boundaries.stream()
        .filter(b -> b < offset)
        .reduce((a, b) -> b)
        .orElse(BreakIterator.DONE);
  }

  private static BreakIterator jdk(String text) {
    BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.JAPANESE);
    iterator.setText(text);
    return iterator;
  }

  private static BreakIterator forward(String text) {
    BreakIterator iterator =
        new ForwardBreakIterator(BreakIterator.getSentenceInstance(Locale.JAPANESE));
    iterator.setText(text);
    return iterator;
  }

  private static String at(String what, int offset) {
    return what + " at " + offset;
  }
}
