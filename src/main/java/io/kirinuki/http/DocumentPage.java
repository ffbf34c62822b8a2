package io.kirinuki.http;

import io.kirinuki.search.DocumentView;
import io.kirinuki.search.UnknownDocumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the page of one post or article shows: the text in paragraphs, its outlet and date, and the
 * links between a post and the articles it quotes.
 *
 * @param kind {@code post} or {@code article}
 * @param paragraphs the body, one entry per non-empty line
 * @param articles a post's quoted articles in page order (empty for an article)
 * @param quotingPosts every post that quotes an article, the first one first (empty for a post)
 */
record DocumentPage(
    String id,
    String kind,
    String kindLabel,
    String title,
    String outlet,
    String isoDate,
    String date,
    String author,
    List<Paragraph> paragraphs,
    List<ArticleLink> articles,
    List<PostLink> quotingPosts) {

  /**
   * One line of the body.
   *
   * @param quote true for the blogger's excerpt of an article ({@code ★《…》}, {@code 読売★《…》})
   */
  record Paragraph(String text, boolean quote) {}

  /** A quoted article, as a post lists it. */
  record ArticleLink(String href, String title, String outlet, String isoDate, String date) {}

  /** A post that quotes the article. */
  record PostLink(String href, String title, String isoDate, String date) {}

  /**
   * The page for {@code view}; {@code lookup} fetches the quoting posts for their titles.
   *
   * @param lookup the same {@code document(id)} the page came from
   */
  static DocumentPage of(DocumentView view, Function<String, DocumentView> lookup) {
    List<ArticleLink> articles =
        view.articles() == null
            ? List.of()
            : view.articles().stream()
                .map(
                    article ->
                        new ArticleLink(
                            SearchPage.documentHref(article.id()),
                            untitled(article.title()),
                            article.outlet(),
                            Format.isoDate(article.date()),
                            Format.date(article.date())))
                .toList();
    List<String> postIds = new ArrayList<>();
    if (view.postId() != null) {
      postIds.add(view.postId());
    }
    for (String id : view.quotedIn() == null ? List.<String>of() : view.quotedIn()) {
      if (!postIds.contains(id)) {
        postIds.add(id);
      }
    }
    List<PostLink> posts = new ArrayList<>();
    for (String id : postIds) {
      posts.add(postLink(id, lookup));
    }
    return new DocumentPage(
        view.id(),
        view.type(),
        SearchPage.kindLabel(view.type()),
        untitled(view.title()),
        view.outlet(),
        Format.isoDate(view.date()),
        Format.date(view.date()),
        view.author(),
        paragraphs(view.body()),
        articles,
        List.copyOf(posts));
  }

  private static PostLink postLink(String id, Function<String, DocumentView> lookup) {
    String href = SearchPage.documentHref(id);
    try {
      DocumentView post = lookup.apply(id);
      return new PostLink(
          href, untitled(post.title()), Format.isoDate(post.date()), Format.date(post.date()));
    } catch (UnknownDocumentException e) {
      // A post removed by a later index run: the link still says where the article came from.
      return new PostLink(href, "投稿 " + id, null, null);
    }
  }

  private static String untitled(String title) {
    return title == null || title.isBlank() ? "（見出しなし）" : title;
  }

  /** Each non-empty line is a paragraph: that is how the blog lays out articles and commentary. */
  static List<Paragraph> paragraphs(String body) {
    if (body == null) {
      return List.of();
    }
    return body.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .map(line -> new Paragraph(line, line.startsWith("★") || line.contains("★《")))
        .toList();
  }
}
