package io.kirinuki.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One stored post or article in full, as {@code GET /api/documents/{id}} returns it.
 *
 * @param postId the first post that quotes an article, null for a post
 * @param articles a post's quoted articles in page order, empty for an article
 * @param quotedIn every post that quotes an article, empty for a post
 */
public record DocumentView(
    String id,
    String type,
    String title,
    String outlet,
    LocalDate date,
    String author,
    String body,
    String postId,
    List<ArticleRef> articles,
    List<String> quotedIn) {

  /** A short reference to an article, for a post's list of quoted articles. */
  public record ArticleRef(String id, String title, String outlet, LocalDate date) {}
}
