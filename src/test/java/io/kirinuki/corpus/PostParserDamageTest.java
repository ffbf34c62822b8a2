package io.kirinuki.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pages damaged at random (fixed seed) never make the parser throw, and what it returns is always
 * well formed: bad input is a warning or a skipped file, never a crash.
 */
class PostParserDamageTest {
  private static final long SEED = 20151013L;
  private static final int ROUNDS = 400;

  /** Pieces an edit may drop anywhere: bullets, footers, dates, promotion lines, odd bytes. */
  private static final List<String> PIECES =
      List.of(
          "●",
          "● ",
          "\uFFFD",
          "コメント ( 3 ) | Trackback ( )",
          "10月13日",
          "2015年",
          "読売 ",
          "/東京 ",
          "人気ブログランキング",
          "てらまち・ねっと",
          "\n",
          "\r",
          "\t",
          "&nbsp;",
          "<br>",
          "縺ｯ",
          "ﾏｲﾅﾝﾊﾞｰ",
          "(",
          ")>",
          "平成",
          "2月30日");

  private static void checkWellFormed(List<Post> posts) {
    for (Post p : posts) {
      assertTrue(p.id().matches("p-[0-9a-f]{16}"), p.id());
      assertNotNull(p.commentary());
      assertFalse(p.sources().isEmpty());
      for (Article a : p.articles()) {
        assertTrue(a.id().matches("a-[0-9a-f]{16}"), a.id());
        assertFalse(a.title().isBlank(), "an article without a headline");
        assertNotNull(a.body());
        assertTrue(a.outlet() != null || a.outletRaw() == null);
      }
    }
  }

  @Test
  void damagedPagesParseWithoutThrowing() throws IOException {
    List<String> pages = new ArrayList<>();
    try (Stream<Path> files = Files.list(PostParserGoldenTest.POSTS)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        pages.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
      }
    }
    PostParser parser = new PostParser(Outlets.load());
    Random random = new Random(SEED);
    int parsedPosts = 0;
    for (int round = 0; round < ROUNDS; round++) {
      StringBuilder page = new StringBuilder(pages.get(random.nextInt(pages.size())));
      for (int edit = 0; edit < 1 + random.nextInt(12) && !page.isEmpty(); edit++) {
        int at = random.nextInt(page.length());
        switch (random.nextInt(4)) {
          case 0 -> page.insert(at, PIECES.get(random.nextInt(PIECES.size())));
          case 1 -> page.delete(at, Math.min(page.length(), at + random.nextInt(200)));
          case 2 -> page.setLength(at);
          default -> page.insert(at, page.substring(at, Math.min(page.length(), at + 80)));
        }
      }
      List<Post> posts = parser.parse(page.toString(), "damaged-" + round + ".txt");
      checkWellFormed(posts);
      checkWellFormed(Posts.mergeDuplicates(posts));
      parsedPosts += posts.size();
    }
    // The damage leaves most pages readable: posts keep coming out.
    assertTrue(parsedPosts > ROUNDS, "only " + parsedPosts + " posts from " + ROUNDS + " pages");
  }

  @Test
  void randomBytesAreEitherSkippedOrParsed() {
    Random random = new Random(SEED);
    PostParser parser = new PostParser(Outlets.load());
    int skipped = 0;
    for (int round = 0; round < ROUNDS; round++) {
      byte[] bytes = new byte[random.nextInt(2000)];
      random.nextBytes(bytes);
      try {
        checkWellFormed(parser.parse(PageDecoder.decode(bytes, "random.bin"), "random.bin"));
      } catch (UnreadableFileException e) {
        skipped++;
        assertFalse(e.getMessage().isBlank());
      }
    }
    // All but one: four random bytes that happen to be valid UTF-8 ("?)à") are text.
    assertEquals(ROUNDS - 1, skipped);
  }
}
