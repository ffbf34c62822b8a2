package io.kirinuki.corpus;

import java.time.LocalDate;
import java.util.List;

/**
 * One blog post: the blogger's commentary and the articles it quotes, in page order.
 *
 * @param id stable id derived from the post's content, so the same post on an archive page and on
 *     its own page gets one id
 * @param file the source file it was read from (the first one, when there are several)
 * @param url the post's URL when the file name or content gives one, or null
 * @param date the post date, or null when nothing says
 * @param title the page's title, else the first sentence of the commentary
 * @param commentary the blogger's own text with the page furniture removed
 * @param comments N from the {@code コメント ( N ) | Trackback ( )} footer, or null when cut off
 * @param articles the quoted articles in the order they appear
 * @param warnings what the parser could not read cleanly, one sentence each
 * @param sources every file this post was found in (archive pages and its own page)
 */
public record Post(
    String id,
    String file,
    String url,
    LocalDate date,
    String title,
    String commentary,
    Integer comments,
    List<Article> articles,
    List<String> warnings,
    List<String> sources) {

  public Post {
    articles = List.copyOf(articles);
    warnings = List.copyOf(warnings);
    sources = List.copyOf(sources);
  }
}
