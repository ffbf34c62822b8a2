package io.kirinuki.http;

import io.kirinuki.search.FacetValue;
import io.kirinuki.search.Hit;
import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.SearchResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the search page template shows, worked out from a request and its result: every label in
 * Japanese, every link a ready URL, so the template only lays things out.
 *
 * @param error a Japanese sentence saying why there are no results, or null
 * @param result true when a search ran (the fields below are filled)
 * @param shownFrom 1-based number of the first hit on this page
 * @param took seconds the search took, {@code 0.012}
 * @param timeline hits per month, or null when no hit has a date
 * @param pagination page links, or null when everything fits on one page
 * @param outlets outlet names offered while typing in the outlet box
 */
record SearchPage(
    Form form,
    String error,
    String heading,
    boolean result,
    String total,
    String shownFrom,
    String shownTo,
    String took,
    List<HitView> hits,
    List<Chip> chips,
    List<FacetGroup> facets,
    Timeline timeline,
    Pagination pagination,
    List<String> outlets) {

  /** Outlets listed before the rest fold away under "more". */
  static final int TOP_OUTLETS = 8;

  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  /**
   * The form as the reader filled it in, kept as typed (even when invalid) so a refused search can
   * be corrected rather than retyped.
   */
  record Form(String q, String type, String outlet, String from, String to, String sort) {

    static final Form EMPTY = new Form("", "", "", "", "", "");

    static Form of(Map<String, List<String>> params) {
      String sort = first(params, SearchParams.SORT);
      // Relevance even when there is no query yet (the list then runs newest first, and the
      // heading says so): a box preset to "newest" would sort the next query by date.
      return new Form(
          first(params, SearchParams.Q),
          first(params, SearchParams.TYPE),
          first(params, SearchParams.OUTLET),
          first(params, SearchParams.FROM),
          first(params, SearchParams.TO),
          sort.isEmpty() ? SearchRequest.Sort.RELEVANCE.value() : sort);
    }

    private static String first(Map<String, List<String>> params, String name) {
      List<String> values = params.get(name);
      return values == null || values.isEmpty() || values.getFirst() == null
          ? ""
          : values.getFirst();
    }
  }

  /**
   * One hit.
   *
   * @param snippet HTML from the searcher: the text escaped, then {@code <mark>} added
   * @param postHref the quoting post of an article, or null
   */
  record HitView(
      String href,
      String title,
      String kind,
      String kindLabel,
      String outlet,
      String isoDate,
      String date,
      String snippet,
      String postHref) {}

  /** An active filter and the link that drops it. */
  record Chip(String label, String removeHref) {}

  /** One facet: its values, the first few always shown and the rest folded away. */
  record FacetGroup(String name, String title, List<FacetLink> top, List<FacetLink> more) {}

  /** A facet value: following the link filters on it, or drops the filter when it is active. */
  record FacetLink(String label, String count, String href, boolean active) {}

  /** Previous, next and numbered page links; a null href in {@code pages} is a gap. */
  record Pagination(String previousHref, String nextHref, List<PageLink> pages) {}

  /** A numbered page link, or a gap ({@code …}) when href is null. */
  record PageLink(String label, String href, boolean current) {}

  /** The page for a search that could not run: the form as typed and why. */
  static SearchPage failed(Form form, String error) {
    return new SearchPage(
        form,
        error,
        "検索できませんでした",
        false,
        "0",
        "0",
        "0",
        "0",
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        List.of());
  }

  /** The page showing {@code result}, the answer to {@code request}. */
  static SearchPage of(Form form, SearchRequest request, SearchResult result) {
    SearchLink link = SearchLink.of(request);
    long shownFrom = result.hits().isEmpty() ? 0 : (long) (request.page() - 1) * request.size() + 1;
    long shownTo = result.hits().isEmpty() ? 0 : shownFrom + result.hits().size() - 1;
    Map<String, List<FacetValue>> facets = result.facets() == null ? Map.of() : result.facets();
    return new SearchPage(
        form,
        null,
        heading(request),
        true,
        Format.count(result.total()),
        Format.count(shownFrom),
        Format.count(shownTo),
        Format.seconds(result.tookMs()),
        result.hits().stream().map(SearchPage::hitView).toList(),
        chips(request, link),
        facetGroups(facets, request, link),
        Timeline.of(facets.get("month"), request),
        pagination(request, result.total(), link),
        facets.getOrDefault("outlet", List.of()).stream().map(FacetValue::value).toList());
  }

  private static String heading(SearchRequest request) {
    if (!request.query().isEmpty()) {
      return "「" + request.query() + "」の検索結果";
    }
    boolean filtered =
        request.type() != null
            || request.outlet() != null
            || request.from() != null
            || request.to() != null;
    String order = request.sort() == SearchRequest.Sort.OLDEST ? "（古い順）" : "（新しい順）";
    return (filtered ? "絞り込んだ文書" : "すべての文書") + order;
  }

  private static HitView hitView(Hit hit) {
    return new HitView(
        documentHref(hit.id()),
        hit.title() == null || hit.title().isBlank() ? "（見出しなし）" : hit.title(),
        hit.type(),
        kindLabel(hit.type()),
        hit.outlet(),
        Format.isoDate(hit.date()),
        Format.date(hit.date()),
        hit.snippet() == null ? "" : hit.snippet(),
        hit.postId() == null ? null : documentHref(hit.postId()));
  }

  /** The page of one document. */
  static String documentHref(String id) {
    // A path segment: URLEncoder writes a space as '+', which a path would keep literally.
    return "/documents/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String kindLabel(String type) {
    return "post".equals(type) ? "投稿" : "article".equals(type) ? "記事" : type;
  }

  private static List<Chip> chips(SearchRequest request, SearchLink link) {
    List<Chip> chips = new ArrayList<>();
    if (request.type() != null) {
      chips.add(
          new Chip(
              "種類：" + kindLabel(request.type().value()),
              link.with(SearchParams.TYPE, null).href()));
    }
    if (request.outlet() != null) {
      chips.add(new Chip("媒体：" + request.outlet(), link.with(SearchParams.OUTLET, null).href()));
    }
    if (request.from() != null || request.to() != null) {
      String range =
          (request.from() == null ? "" : Format.date(request.from()))
              + "〜"
              + (request.to() == null ? "" : Format.date(request.to()));
      chips.add(
          new Chip(
              "期間：" + range,
              link.with(SearchParams.FROM, null).with(SearchParams.TO, null).href()));
    }
    return chips;
  }

  private static List<FacetGroup> facetGroups(
      Map<String, List<FacetValue>> facets, SearchRequest request, SearchLink link) {
    List<FacetGroup> groups = new ArrayList<>();
    List<FacetLink> types = new ArrayList<>();
    for (FacetValue value : facets.getOrDefault("type", List.of())) {
      boolean active = request.type() != null && request.type().value().equals(value.value());
      String href = link.with(SearchParams.TYPE, active ? null : value.value()).href();
      types.add(new FacetLink(kindLabel(value.value()), Format.count(value.count()), href, active));
    }
    addGroup(groups, "type", "種類", types, types.size());

    List<FacetLink> outlets = new ArrayList<>();
    for (FacetValue value : facets.getOrDefault("outlet", List.of())) {
      boolean active = value.value().equals(request.outlet());
      String href = link.with(SearchParams.OUTLET, active ? null : value.value()).href();
      outlets.add(new FacetLink(value.value(), Format.count(value.count()), href, active));
    }
    addGroup(groups, "outlet", "媒体", outlets, TOP_OUTLETS);

    List<FacetLink> years = new ArrayList<>();
    List<FacetValue> yearValues = new ArrayList<>(facets.getOrDefault("year", List.of()));
    yearValues.removeIf(value -> !YEAR.matcher(value.value()).matches());
    // Newest year first: a reader scans a time axis, not a popularity list.
    yearValues.sort(Comparator.comparing(FacetValue::value).reversed());
    for (FacetValue value : yearValues) {
      int year = Integer.parseInt(value.value());
      LocalDate start = LocalDate.of(year, 1, 1);
      LocalDate end = LocalDate.of(year, 12, 31);
      boolean active = start.equals(request.from()) && end.equals(request.to());
      SearchLink target =
          active
              ? link.with(SearchParams.FROM, null).with(SearchParams.TO, null)
              : link.with(SearchParams.FROM, start.toString())
                  .with(SearchParams.TO, end.toString());
      years.add(new FacetLink(year + "年", Format.count(value.count()), target.href(), active));
    }
    addGroup(groups, "year", "年", years, years.size());
    return groups;
  }

  private static void addGroup(
      List<FacetGroup> groups, String name, String title, List<FacetLink> links, int top) {
    if (links.isEmpty()) {
      return;
    }
    int cut = Math.min(top, links.size());
    groups.add(
        new FacetGroup(
            name,
            title,
            List.copyOf(links.subList(0, cut)),
            List.copyOf(links.subList(cut, links.size()))));
  }

  private static Pagination pagination(SearchRequest request, long total, SearchLink link) {
    long reachable = Math.min(total, SearchParams.MAX_RESULT_WINDOW);
    int pages = (int) ((reachable + request.size() - 1) / request.size());
    if (pages <= 1) {
      return null;
    }
    int current = request.page();
    List<PageLink> links = new ArrayList<>();
    int previous = 0;
    for (int page = 1; page <= pages; page++) {
      boolean shown = page == 1 || page == pages || Math.abs(page - current) <= 2;
      if (!shown) {
        continue;
      }
      if (previous != 0 && page > previous + 1) {
        links.add(new PageLink("…", null, false));
      }
      links.add(new PageLink(Integer.toString(page), link.page(page).href(), page == current));
      previous = page;
    }
    String previousHref = current > 1 ? link.page(Math.min(current - 1, pages)).href() : null;
    String nextHref = current < pages ? link.page(current + 1).href() : null;
    return new Pagination(previousHref, nextHref, links);
  }
}
