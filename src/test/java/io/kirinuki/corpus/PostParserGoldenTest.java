package io.kirinuki.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every page under {@code src/test/resources/posts/} parses to exactly its {@code .expected.json}:
 * the output of {@code kirinuki parse --json src/test/resources/posts/NAME.txt} run from the
 * repository root (an empty golden for a file the command skips). A golden changes only in a
 * reviewed diff: regenerate one with that command, then read the diff.
 */
class PostParserGoldenTest {
  static final Path POSTS = Path.of("src/test/resources/posts");

  @TestFactory
  Stream<DynamicTest> everyPageParsesToItsGoldenFile() throws IOException {
    List<Path> pages;
    try (Stream<Path> files = Files.list(POSTS)) {
      pages = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertFalse(pages.isEmpty(), "no fixtures under " + POSTS);
    PostParser parser = new PostParser(Outlets.load());
    return pages.stream()
        .map(
            page ->
                DynamicTest.dynamicTest(
                    page.getFileName().toString(),
                    () -> {
                      String name = page.getFileName().toString();
                      Path golden = POSTS.resolve(name.replaceAll("\\.txt$", ".expected.json"));
                      String expected = Files.readString(golden, StandardCharsets.UTF_8);
                      assertEquals(expected, parseJson(parser, page), name);
                    }));
  }

  /** What {@code parse --json} prints for one file: JSON lines, nothing for a skipped file. */
  static String parseJson(PostParser parser, Path page) throws IOException {
    String file = page.toString();
    List<Post> posts = new ArrayList<>();
    try {
      posts.addAll(parser.parse(PageDecoder.decode(Files.readAllBytes(page), file), file));
    } catch (UnreadableFileException e) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (Post post : Posts.mergeDuplicates(posts)) {
      out.append(PostJson.toJson(post)).append('\n');
    }
    return out.toString();
  }
}
