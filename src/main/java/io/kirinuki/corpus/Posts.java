package io.kirinuki.corpus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Operations on parsed posts from many files. */
public final class Posts {
  private Posts() {}

  /**
   * Posts with the same id made one, in first-seen order: the first one's text, every source, every
   * warning, and what the first one lacks (URL, date, comment count, article dates) taken from the
   * others, since an archive page may date what a single page cannot.
   */
  public static List<Post> mergeDuplicates(List<Post> posts) {
    Map<String, List<Post>> byId = new LinkedHashMap<>();
    for (Post p : posts) {
      byId.computeIfAbsent(p.id(), id -> new ArrayList<>()).add(p);
    }
    List<Post> out = new ArrayList<>(byId.size());
    for (List<Post> group : byId.values()) {
      out.add(group.size() == 1 ? group.get(0) : merge(group));
    }
    return out;
  }

  private static Post merge(List<Post> group) {
    Post first = group.get(0);
    Set<String> sources = new LinkedHashSet<>();
    Set<String> warnings = new LinkedHashSet<>();
    String url = null;
    Integer comments = null;
    LocalDate date = null;
    for (Post p : group) {
      sources.addAll(p.sources());
      warnings.addAll(p.warnings());
      url = url != null ? url : p.url();
      comments = comments != null ? comments : p.comments();
      date = date != null ? date : p.date();
    }
    List<Article> articles = new ArrayList<>(first.articles());
    for (int k = 0; k < articles.size(); k++) {
      Article a = articles.get(k);
      for (Post p : group) {
        if (a.date() != null) {
          break;
        }
        if (k < p.articles().size() && p.articles().get(k).id().equals(a.id())) {
          Article other = p.articles().get(k);
          a =
              new Article(
                  a.id(), a.title(), a.outlet(), a.outletRaw(), other.date(), a.author(), a.body());
        }
      }
      articles.set(k, a);
    }
    return new Post(
        first.id(),
        first.file(),
        url,
        date,
        first.title(),
        first.commentary(),
        comments,
        articles,
        List.copyOf(warnings),
        List.copyOf(sources));
  }
}
