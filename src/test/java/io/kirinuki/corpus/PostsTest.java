package io.kirinuki.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostsTest {
  private static Post post(String id, String file, LocalDate date, Integer comments, Article... a) {
    return new Post(id, file, null, date, "t", "c", comments, List.of(a), List.of(), List.of(file));
  }

  private static Article article(String id, LocalDate date) {
    return new Article(id, "h", "NHK", "NHK", date, null, "b");
  }

  @Test
  void mergesThePostOfAnArchivePageAndOfItsOwnPageWithBothSources() throws Exception {
    PostParser parser = new PostParser(Outlets.load());
    List<Post> posts = new ArrayList<>();
    for (String name : List.of("m_201601.txt", "e_0a1b2c3d4e5f60718293a4b5c6d7e8f9.txt")) {
      Path page = PostParserGoldenTest.POSTS.resolve(name);
      posts.addAll(parser.parse(PageDecoder.decode(Files.readAllBytes(page), name), name));
    }

    List<Post> merged = Posts.mergeDuplicates(posts);

    assertEquals(4, posts.size());
    assertEquals(
        List.of("p-2487f137699a7779", "p-eaea7058f6d25e0c", "p-576c21dac3c35ea2"),
        merged.stream().map(Post::id).toList());
    assertEquals(
        List.of("m_201601.txt", "e_0a1b2c3d4e5f60718293a4b5c6d7e8f9.txt"), merged.get(1).sources());
    assertEquals(List.of("m_201601.txt"), merged.get(0).sources());
  }

  @Test
  void takesWhatTheFirstCopyLacksFromTheLaterOnes() {
    Post single = post("p-1", "e_1.txt", null, null, article("a-1", null), article("a-2", null));
    Post archived =
        post(
            "p-1",
            "m_201510.txt",
            LocalDate.of(2015, 10, 13),
            4,
            article("a-1", LocalDate.of(2015, 10, 13)),
            article("a-2", null));
    Post other = post("p-2", "e_2.txt", null, 0);

    List<Post> merged = Posts.mergeDuplicates(List.of(single, other, archived));

    assertEquals(List.of("p-1", "p-2"), merged.stream().map(Post::id).toList());
    Post one = merged.get(0);
    assertEquals("e_1.txt", one.file());
    assertEquals(List.of("e_1.txt", "m_201510.txt"), one.sources());
    assertEquals(LocalDate.of(2015, 10, 13), one.date());
    assertEquals(4, one.comments());
    assertEquals(LocalDate.of(2015, 10, 13), one.articles().get(0).date());
    assertEquals(null, one.articles().get(1).date());
  }

  @Test
  void keepsOneSourceWhenAPageHoldsThePostTwice() {
    Post p = post("p-1", "d_20151013.txt", null, 0);

    assertEquals(List.of("d_20151013.txt"), Posts.mergeDuplicates(List.of(p, p)).get(0).sources());
  }
}
