package io.kirinuki.corpus;

import io.kirinuki.corpus.HeaderParser.Header;
import io.kirinuki.corpus.HeaderParser.Inline;
import io.kirinuki.corpus.HeaderParser.Kind;
import io.kirinuki.corpus.PageText.Line;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one page of the blog (a single post, or a day or month archive page holding several) into
 * posts and the articles they quote. Pure and thread-safe: no I/O, no state between calls.
 */
public final class PostParser {

  /** Longest post title taken from the commentary; longer first sentences are cut. */
  static final int MAX_TITLE_LENGTH = 100;

  /** How much of a headline warnings quote. */
  private static final int QUOTED_HEADLINE = 30;

  private static final String GLUED =
      "its outlet line had been glued to the headline; they were split";

  /** A note in parentheses between a headline and its outlet line (the 2006 photo note). */
  private static final Pattern NOTE = Pattern.compile("^[(（][^()（）]{1,80}[)）]$");

  private final HeaderParser headers;

  public PostParser(Outlets outlets) {
    this.headers = new HeaderParser(Objects.requireNonNull(outlets, "outlets"));
  }

  /**
   * The posts of one page, in page order.
   *
   * @param text the page text, decoded ({@link PageDecoder})
   * @param file the page's display path: names the posts' file and sources, and its name or URL may
   *     carry the date of the page ({@code d_20151013.txt}, {@code m_201510.txt}, goo {@code
   *     d/20151013}, {@code m/201510})
   */
  public List<Post> parse(String text, String file) {
    FileContext context = FileContext.of(file);
    List<Post> posts = new ArrayList<>();
    for (Segment segment : segments(PageText.lines(text))) {
      List<Line> lines = Furniture.strip(segment.lines());
      if (lines.stream().allMatch(l -> l.text().isEmpty())) {
        continue;
      }
      posts.add(post(lines, segment, context, file));
    }
    return posts;
  }

  /** A post's lines up to its footer; the last one of a page may have no footer (cut off). */
  private record Segment(List<Line> lines, Integer comments, boolean footer) {}

  private static List<Segment> segments(List<Line> lines) {
    List<Segment> out = new ArrayList<>();
    List<Line> current = new ArrayList<>();
    for (Line line : lines) {
      Furniture.Footer footer = line.text().isEmpty() ? null : Furniture.footer(line.text());
      if (footer == null) {
        current.add(line);
        continue;
      }
      if (!footer.before().isEmpty()) {
        current.add(new Line(footer.before(), line.warning()));
      } else if (line.warning() != null) {
        current.add(new Line("", line.warning()));
      }
      if (footer.comments() == null) {
        current.add(
            new Line("", "The comment footer is damaged, so the comment count is unknown."));
      }
      out.add(new Segment(current, footer.comments(), true));
      current = new ArrayList<>();
      if (!footer.after().isEmpty()) {
        current.add(new Line(footer.after()));
      }
    }
    out.add(new Segment(current, null, false));
    return out;
  }

  /** Where an article starts: its {@code ●} line, an optional note line, its header's last line. */
  private record Start(
      int line, int note, int headerEnd, String headline, Header header, String warning) {}

  /**
   * An article header found at a {@code ●} line: where its note line and its last header line are,
   * counted from the {@code ●} line (-1: no note; 0: the header is the {@code ●} line itself).
   */
  private record Match(int note, int headerEnd, String headline, Header header, String warning) {}

  private Post post(List<Line> body, Segment segment, FileContext context, String file) {
    // One pass over the lines; only a split of a joined line makes the output a line longer.
    List<Line> lines = new ArrayList<>(body.size() + 8);
    List<Start> starts = new ArrayList<>();
    List<Inline> toc = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      Line line = body.get(i);
      String t = line.text();
      char first = t.isEmpty() ? ' ' : t.charAt(0);
      if (first == '●' || first == '\uFFFD') {
        Match match = articleAt(t, body, i + 1, toc);
        if (match != null) {
          i = take(line, match, body, i, lines, starts);
          continue;
        }
        Inline entry = first == '●' && starts.isEmpty() ? tocEntry(t) : null;
        if (entry != null) {
          toc.add(entry);
        }
        lines.add(line);
        continue;
      }
      int bullet = t.indexOf('●');
      if (bullet > 0) {
        // An edit may have joined this line and the article header (or list entry) after it.
        String right = t.substring(bullet);
        Match match = articleAt(right, body, i + 1, toc);
        Inline entry = match == null && starts.isEmpty() ? tocEntry(right) : null;
        if (match != null || entry != null) {
          lines.add(new Line(Text.trim(t.substring(0, bullet)), line.warning()));
          Line split =
              new Line(
                  right,
                  "An edit had joined a line and the header after it; they were split apart: "
                      + quote(right)
                      + ".");
          if (match != null) {
            i = take(split, match, body, i, lines, starts);
          } else {
            toc.add(entry);
            lines.add(split);
          }
          continue;
        }
      }
      lines.add(line);
    }
    return assemble(lines, starts, toc, segment, context, file);
  }

  /** Adds an article's header lines and its start; returns the input index of its last line. */
  private static int take(
      Line bulletLine, Match match, List<Line> body, int i, List<Line> lines, List<Start> starts) {
    int at = lines.size();
    lines.add(bulletLine);
    for (int k = 1; k <= match.headerEnd(); k++) {
      lines.add(body.get(i + k));
    }
    starts.add(
        new Start(
            at,
            match.note() < 0 ? -1 : at + match.note(),
            at + match.headerEnd(),
            match.headline(),
            match.header(),
            match.warning()));
    return i + match.headerEnd();
  }

  /** The table-of-contents entry this {@code ●} line is, or null. */
  private Inline tocEntry(String t) {
    Inline entry = headers.inline(t.substring(1));
    return entry != null && entry.kind() == Kind.TOC ? entry : null;
  }

  /**
   * The article whose {@code ●} line is {@code t}, with {@code lines} from index {@code next} the
   * lines after it; null when it is not one.
   */
  private Match articleAt(String t, List<Line> lines, int next, List<Inline> toc) {
    boolean lostBullet = t.charAt(0) == '\uFFFD';
    String headline = Text.trim(t.substring(1));
    if (headline.isEmpty()) {
      return null;
    }
    // The headline's own outlet and date, read only when needed: most headers are two lines.
    Inline inline = null;
    boolean inlineRead = false;
    int note = -1;
    for (int j = next; j < lines.size() && j <= next + 1; j++) {
      String line = lines.get(j).text();
      if (line.isEmpty() || line.charAt(0) == '●') {
        break;
      }
      Header header = headers.outletLine(line);
      if (header != null && header.date() == null && !inlineRead) {
        inline = headers.inline(headline);
        inlineRead = true;
      }
      // A one-line header wins over a dateless "outlet line" that is really its first body line.
      if (header != null && !(header.date() == null && isOwnHeader(inline))) {
        String warning = lostBullet ? lostBulletWarning(headline) : null;
        return new Match(note, j - next + 1, headline, header, warning);
      }
      if (!NOTE.matcher(line).matches()) {
        break;
      }
      note = j - next + 1;
    }
    if (!inlineRead) {
      inline = headers.inline(headline);
    }
    if (lostBullet && inline != null && inline.kind() == Kind.ONE_LINE) {
      return new Match(-1, 0, inline.headline(), inline.header(), lostBulletWarning(headline));
    }
    if (!lostBullet && isOwnHeader(inline)) {
      String warning =
          inline.kind() == Kind.GLUED ? articleWarning(inline.headline(), GLUED) : null;
      return new Match(-1, 0, inline.headline(), inline.header(), warning);
    }
    if (lostBullet || inline != null) {
      // A lost ● needs a two-line header; a table-of-contents entry is no article.
      return null;
    }
    // An outlet line glued to a headline that the table of contents names: glued means no
    // separator, so "見出し/東京 …" is another entry of the list, not a glued header.
    for (Inline entry : toc) {
      String known = entry.headline();
      if (headline.length() > known.length()
          && headline.startsWith(known)
          && "/／".indexOf(headline.charAt(known.length())) < 0) {
        Header header = headers.outletLine(headline.substring(known.length()));
        if (header != null) {
          return new Match(-1, 0, known, header, articleWarning(known, GLUED));
        }
      }
    }
    return null;
  }

  private static boolean isOwnHeader(Inline inline) {
    return inline != null && inline.kind() != Kind.TOC;
  }

  private Post assemble(
      List<Line> lines,
      List<Start> starts,
      List<Inline> toc,
      Segment segment,
      FileContext context,
      String file) {
    Set<String> warnings = new LinkedHashSet<>();
    for (Line line : lines) {
      if (line.warning() != null) {
        warnings.add(line.warning());
      }
    }
    int firstArticle = starts.isEmpty() ? lines.size() : starts.get(0).line();
    List<String> commentaryLines = new ArrayList<>();
    for (int i = 0; i < firstArticle; i++) {
      commentaryLines.add(lines.get(i).text());
    }
    String commentary = join(commentaryLines);

    Map<String, Inline> tocByHeadline = new HashMap<>();
    for (Inline entry : toc) {
      tocByHeadline.putIfAbsent(normalised(entry.headline()), entry);
    }
    List<Header> articleHeaders = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    List<DateText.Found> dates = new ArrayList<>();
    for (int k = 0; k < starts.size(); k++) {
      Start start = starts.get(k);
      if (start.warning() != null) {
        warnings.add(start.warning());
      }
      int end = k + 1 < starts.size() ? starts.get(k + 1).line() : lines.size();
      List<String> bodyLines = new ArrayList<>();
      if (start.note() >= 0) {
        bodyLines.add(lines.get(start.note()).text());
      }
      Header header = start.header();
      if (header.bodyStart() != null) {
        bodyLines.add(header.bodyStart());
        warnings.add(
            articleWarning(
                start.headline(),
                "its outlet line was joined with the first line of its body; they were split"));
      }
      for (int j = start.headerEnd() + 1; j < end; j++) {
        bodyLines.add(lines.get(j).text());
      }
      header = fromTableOfContents(header, tocByHeadline.get(normalised(start.headline())));
      articleHeaders.add(header);
      bodies.add(join(bodyLines));
      dates.add(header.date());
    }
    List<DateText.Found> allDates = new ArrayList<>(dates);
    for (Inline entry : toc) {
      allDates.add(entry.header().date());
    }
    List<LocalDate> resolved = YearInference.resolve(allDates, context);

    List<Article> articles = new ArrayList<>();
    List<String> articleIds = new ArrayList<>();
    for (int k = 0; k < starts.size(); k++) {
      String headline = starts.get(k).headline();
      Header header = articleHeaders.get(k);
      LocalDate date = resolved.get(k);
      DateText.Found found = header.date();
      if (found != null && date == null) {
        String written = found.month() + "月" + found.day() + "日";
        warnings.add(
            articleWarning(
                headline,
                found.year() == null
                    ? "the year of " + written + " is not known, so its date is left empty"
                    : found.year()
                        + "年"
                        + written
                        + " is not a calendar date, so its date is"
                        + " left empty"));
      }
      if (header.outlet() != null && !header.knownOutlet()) {
        warnings.add(
            articleWarning(
                headline, "its outlet " + header.outletRaw() + " is not in the outlet table"));
      }
      String id = ContentIds.articleId(headline, header.outlet(), found, bodies.get(k));
      articleIds.add(id);
      articles.add(
          new Article(
              id,
              headline,
              header.outlet(),
              header.outletRaw(),
              date,
              header.author(),
              bodies.get(k)));
    }

    int lost = countLost(commentary);
    for (Article a : articles) {
      lost += countLost(a.title()) + countLost(a.body());
    }
    if (lost > 0) {
      warnings.add(
          lost
              + (lost == 1 ? " character was" : " characters were")
              + " lost before kirinuki read the file (U+FFFD).");
    }
    if (!segment.footer()) {
      warnings.add(
          "The post has no comment footer (コメント ( N ) | Trackback ( )), so it may be cut off.");
    }
    LocalDate postDate = context.day();
    if (postDate == null) {
      for (Article a : articles) {
        if (a.date() != null && (postDate == null || a.date().isAfter(postDate))) {
          postDate = a.date();
        }
      }
    }
    return new Post(
        ContentIds.postId(commentary, articleIds),
        file,
        context.url(),
        postDate,
        title(commentary, articles),
        commentary,
        segment.comments(),
        articles,
        List.copyOf(warnings),
        List.of(file));
  }

  /** The header with the outlet or date it lacks taken from its table-of-contents entry. */
  private static Header fromTableOfContents(Header header, Inline entry) {
    if (entry == null) {
      return header;
    }
    Header listed = entry.header();
    boolean takeOutlet = header.outlet() == null && listed.outlet() != null;
    boolean takeDate = header.date() == null && listed.date() != null;
    if (!takeOutlet && !takeDate) {
      return header;
    }
    return new Header(
        takeOutlet ? listed.outletRaw() : header.outletRaw(),
        takeOutlet ? listed.outlet() : header.outlet(),
        takeDate ? listed.date() : header.date(),
        header.author(),
        header.bodyStart(),
        takeOutlet ? listed.knownOutlet() : header.knownOutlet());
  }

  private static String lostBulletWarning(String headline) {
    return articleWarning(headline, "its ● was lost (U+FFFD); the line was read as a headline");
  }

  /** {@code Article "headline": message.} */
  private static String articleWarning(String headline, String message) {
    return "Article " + quote(headline) + ": " + message + ".";
  }

  /** The start of a text in quotes, for messages. */
  static String quote(String text) {
    return "\"" + Text.abbreviate(text, QUOTED_HEADLINE) + "\"";
  }

  private static String normalised(String s) {
    StringBuilder b = new StringBuilder(s.length());
    ContentIds.normalise(b, s);
    return b.toString();
  }

  /** Lines joined by newlines, runs of blank lines made one, none at either end. */
  static String join(List<String> lines) {
    StringBuilder b = new StringBuilder();
    boolean blank = false;
    for (String t : lines) {
      if (t.isEmpty()) {
        blank = !b.isEmpty();
        continue;
      }
      if (!b.isEmpty()) {
        b.append(blank ? "\n\n" : "\n");
      }
      blank = false;
      b.append(t);
    }
    return b.toString();
  }

  /**
   * The post title: the first sentence of the commentary (up to a {@code 。} outside brackets),
   * without list marks, cut at {@link #MAX_TITLE_LENGTH}; else the first article's headline.
   */
  static String title(String commentary, List<Article> articles) {
    for (int start = 0; start < commentary.length(); ) {
      int end = commentary.indexOf('\n', start);
      end = end < 0 ? commentary.length() : end;
      String t = Text.trim(stripMarks(commentary.substring(start, end)));
      start = end + 1;
      if (!t.isEmpty()) {
        String sentence = firstSentence(t);
        return sentence.length() <= MAX_TITLE_LENGTH
            ? sentence
            : sentence.substring(0, MAX_TITLE_LENGTH) + "…";
      }
    }
    return articles.isEmpty() ? null : articles.get(0).title();
  }

  private static String stripMarks(String line) {
    int i = 0;
    while (i < line.length()
        && ("●★☆◆▼◇■□・".indexOf(line.charAt(i)) >= 0 || Text.isSpace(line.charAt(i)))) {
      i++;
    }
    return line.substring(i);
  }

  private static String firstSentence(String t) {
    int depth = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if ("「『（(【《".indexOf(c) >= 0) {
        depth++;
      } else if ("」』）)】》".indexOf(c) >= 0) {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && c == '。') {
        return Text.trim(t.substring(0, i));
      } else if (depth == 0 && "！？!?".indexOf(c) >= 0) {
        int end = i + 1;
        while (end < t.length() && "！？!?".indexOf(t.charAt(end)) >= 0) {
          end++;
        }
        return Text.trim(t.substring(0, end));
      }
    }
    return t;
  }

  private static int countLost(String s) {
    int n = 0;
    for (int i = s.indexOf('\uFFFD'); i >= 0; i = s.indexOf('\uFFFD', i + 1)) {
      n++;
    }
    return n;
  }
}
