package io.kirinuki.corpus;

import java.util.regex.Pattern;

/**
 * Reads the outlet and date of a quoted article: the line after a {@code ●headline} ({@code 東京
 * 2015年10月11日}, {@code 2015/8/13 日本経済新聞}, {@code シルバー新報 (2015/07/30)>}, {@code 総務省/ …}) and the
 * one-line forms where the {@code ●} line carries them itself ({@code ● 見出し 12月22日 朝日}, the
 * table-of-contents form {@code ●見出し/東京 10月11日}, and an outlet line glued to its headline by an
 * edit).
 */
final class HeaderParser {

  /** What an outlet/date line says. {@code outlet} is the canonical name, else the raw name. */
  record Header(
      String outletRaw,
      String outlet,
      DateText.Found date,
      String author,
      String bodyStart,
      boolean knownOutlet) {}

  /** How a {@code ●} line that carries its own outlet or date is written. */
  enum Kind {
    /** {@code ● 見出し 12月22日 朝日}: an article whose header is one line. */
    ONE_LINE,
    /** {@code ●見出し東京 2015年10月11日}: a two-line header joined by an edit. */
    GLUED,
    /** {@code ●見出し/東京 10月11日}: a table-of-contents entry, not an article. */
    TOC
  }

  record Inline(Kind kind, String headline, Header header) {}

  /**
   * Longest text before the date of an outlet line; longer lines are body text. (After the date, an
   * edit may have joined the first body line.)
   */
  private static final int MAX_BEFORE_DATE = 60;

  /** Longest outlet name we accept when it is not in the table. */
  private static final int MAX_UNKNOWN_OUTLET = 30;

  /** Longest unknown outlet name after a date ({@code 9.26 中日}): one short word. */
  private static final int MAX_UNKNOWN_OUTLET_AFTER_DATE = 15;

  /** Longest byline text after a date; longer text is the article's first sentence. */
  private static final int MAX_AUTHOR = 40;

  /** Characters an outlet name never holds: sentence punctuation and the blog's own marks. */
  private static final String NOT_IN_OUTLET = "。、「」『』！？!?《》★☆●◆▼◇■□※→←↓↑";

  /** Words after a date that name the edition, not a person. */
  private static final Pattern EDITION_WORDS =
      Pattern.compile("朝刊|夕刊|配信|更新|掲載|電子版|紙面|[0-9０-９]+面|付け?|版");

  /** Characters that continue a sentence, so cannot start a byline or a body after a date. */
  private static final String PARTICLES = "のでにはがをとへもや、,";

  private final Outlets outlets;

  HeaderParser(Outlets outlets) {
    this.outlets = outlets;
  }

  /** The outlet/date line that may follow a {@code ●headline}, or null when it is not one. */
  Header outletLine(String line) {
    String s = Text.trim(line);
    if (s.length() > 1 && s.charAt(0) == '\uFFFD' && Text.isSpace(s.charAt(1))) {
      // A lost character where the indent was.
      s = Text.trim(s.substring(1));
    }
    if (s.isEmpty() || NOT_IN_OUTLET.indexOf(s.charAt(0)) >= 0) {
      return null;
    }
    String f = DateText.fold(s);
    DateText.Found date = DateText.find(f, 0);
    if (date != null && date.start() == 0) {
      Header h = dateFirst(s, date);
      if (h != null) {
        return h;
      }
    } else if (date != null) {
      Header h = outletFirst(s, date);
      if (h != null) {
        return h;
      }
    }
    return outletWithoutDate(s);
  }

  /** {@code 2015/8/13 日本経済新聞}, {@code 9.26 中日}, or a date alone. */
  private Header dateFirst(String s, DateText.Found date) {
    String rest = s.substring(date.end());
    rest = Text.trim(rest.substring(DateText.skipTime(DateText.fold(rest))));
    if (rest.isEmpty()) {
      return new Header(null, null, date, null, null, false);
    }
    String raw = trimSeparators(rest);
    String canonical = outlets.canonical(raw);
    if (canonical != null) {
      return new Header(raw, canonical, date, null, null, true);
    }
    if (outletLike(raw)
        && raw.length() <= MAX_UNKNOWN_OUTLET_AFTER_DATE
        && raw.chars().noneMatch(Text::isSpace)) {
      return new Header(raw, raw, date, null, null, false);
    }
    return null;
  }

  /** {@code 東京 2015年10月11日}, {@code NHK 10月13日 16時58分}, bylines, the slash form. */
  private Header outletFirst(String s, DateText.Found date) {
    String pre = s.substring(0, date.start());
    if (pre.length() > MAX_BEFORE_DATE) {
      return null;
    }
    String tail = s.substring(date.end());
    String before = Text.trimEnd(pre);
    boolean paren = false;
    if (!before.isEmpty() && (before.endsWith("(") || before.endsWith("（"))) {
      before = Text.trimEnd(before.substring(0, before.length() - 1));
      tail = closeParen(tail);
      paren = true;
    }
    String raw = trimSeparators(before);
    if (raw.isEmpty()) {
      return null;
    }
    String canonical = canonicalOrPrefix(raw);
    boolean spaced = paren || before.length() < pre.length();
    Tail t = tail(tail);
    if (t == null) {
      return null;
    }
    if (canonical == null) {
      if (!spaced || !outletLike(raw) || t.body != null) {
        return null;
      }
      return new Header(raw, raw, date, t.author, null, false);
    }
    return new Header(raw, canonical, date, t.author, t.body, true);
  }

  /** {@code 総務省/ 自治体情報…}, {@code NHK}, an outlet whose date an edit removed. */
  private Header outletWithoutDate(String s) {
    int end = outlets.prefixEnd(s);
    if (end <= 0) {
      return null;
    }
    String rest = Text.trim(s.substring(end));
    // "総務省/ 自治体情報…": a page title after the slash may quote (「」) but is no sentence.
    boolean pageTitle = rest.startsWith("/") || rest.startsWith("／");
    if (!rest.isEmpty()
        && (rest.length() > MAX_AUTHOR
            || (pageTitle ? rest.indexOf('。') >= 0 : hasSentencePunctuation(rest)))) {
      return null;
    }
    String raw = s.substring(0, end);
    return new Header(raw, outlets.canonical(raw), null, null, null, true);
  }

  /** The {@code ●} line's own outlet and date, or null when it has none. */
  Inline inline(String heading) {
    String h = Text.trim(heading);
    if (h.isEmpty()) {
      return null;
    }
    String f = DateText.fold(h);
    DateText.Found date = DateText.findLast(f);
    if (date == null) {
      return withoutDate(h);
    }
    String after = h.substring(date.end());
    after = Text.trim(after.substring(DateText.skipTime(DateText.fold(after))));
    String before = h.substring(0, date.start());
    if (!after.isEmpty()) {
      // ● 見出し   12月22日 朝日, ● 見出し 9.12 中日新聞: the outlet after the date.
      String raw = trimSeparators(after);
      String canonical = outlets.canonical(raw);
      String body = null;
      int end = canonical == null ? outlets.longestPrefix(after) : -1;
      if (end > 0 && looksLikeBody(Text.trim(after.substring(end)))) {
        // "見出し   9月17日 朝日サーバに対する…": an edit joined the first body line.
        raw = after.substring(0, end);
        canonical = outlets.canonical(raw);
        body = Text.trim(after.substring(end));
      }
      if (canonical != null) {
        String headline = Text.trim(before);
        if (headline.isEmpty()) {
          return null;
        }
        Kind kind = endsWithSpace(before) ? Kind.ONE_LINE : Kind.GLUED;
        return new Inline(kind, headline, new Header(raw, canonical, date, null, body, true));
      }
    }
    // The outlet before the date: "見出し   朝日 12月22日", "見出し/東京 10月11日", "見出し東京 …".
    String b = Text.trimEnd(before);
    String tail = after;
    if (b.endsWith("(") || b.endsWith("（")) {
      b = Text.trimEnd(b.substring(0, b.length() - 1));
      tail = Text.trim(closeParen(tail));
    }
    Tail t = tail(tail);
    if (t == null) {
      return null;
    }
    int start = outlets.suffixStart(b);
    if (start > 0) {
      String raw = b.substring(start);
      String head = b.substring(0, start);
      char sep = head.charAt(head.length() - 1);
      Kind kind =
          sep == '/' || sep == '／' ? Kind.TOC : Text.isSpace(sep) ? Kind.ONE_LINE : Kind.GLUED;
      String headline = Text.trim(kind == Kind.TOC ? head.substring(0, head.length() - 1) : head);
      if (headline.isEmpty()) {
        return null;
      }
      Header header = new Header(raw, outlets.canonical(raw), date, t.author, t.body, true);
      return new Inline(kind, headline, header);
    }
    // A table-of-contents entry naming an outlet the table does not know: "見出し/イロリオ 10月13日".
    int slash = Math.max(b.lastIndexOf('/'), b.lastIndexOf('／'));
    if (slash > 0 && tail.isEmpty()) {
      String raw = Text.trim(b.substring(slash + 1));
      String headline = Text.trim(b.substring(0, slash));
      if (!headline.isEmpty() && outletLike(raw) && raw.chars().noneMatch(Text::isSpace)) {
        return new Inline(Kind.TOC, headline, new Header(raw, raw, date, null, null, false));
      }
    }
    return null;
  }

  /**
   * A {@code ●} line without a date: a table-of-contents entry {@code ●見出し/総務省}, or a one-line
   * header whose date an edit removed, {@code ●見出し 産経} (the outlet set apart by at least two
   * spaces, so that a headline merely ending in an outlet's name is not one).
   */
  private Inline withoutDate(String h) {
    int slash = Math.max(h.lastIndexOf('/'), h.lastIndexOf('／'));
    if (slash > 0) {
      String raw = Text.trim(h.substring(slash + 1));
      String canonical = outlets.canonical(raw);
      String headline = Text.trim(h.substring(0, slash));
      if (canonical != null && !headline.isEmpty()) {
        return new Inline(Kind.TOC, headline, new Header(raw, canonical, null, null, null, true));
      }
    }
    int start = outlets.suffixStart(h);
    if (start > 2
        && Text.isSpace(h.charAt(start - 1))
        && (h.charAt(start - 1) == '\u3000' || Text.isSpace(h.charAt(start - 2)))) {
      String headline = Text.trim(h.substring(0, start));
      String raw = h.substring(start);
      if (!headline.isEmpty()) {
        return new Inline(
            Kind.ONE_LINE,
            headline,
            new Header(raw, outlets.canonical(raw), null, null, null, true));
      }
    }
    return null;
  }

  private String canonicalOrPrefix(String raw) {
    String canonical = outlets.canonical(raw);
    if (canonical == null) {
      int end = outlets.prefixEnd(raw);
      if (end > 0) {
        canonical = outlets.canonical(raw.substring(0, end));
      }
    }
    return canonical != null ? canonical : outlets.canonicalIgnoringLost(raw);
  }

  private record Tail(String author, String body) {}

  /**
   * What follows a date: a time (dropped), a byline ({@code 藤尾 明彦 :ニュース編集部 記者} gives {@code 藤尾
   * 明彦}), or, when an edit joined the lines, the first sentence of the body; null when the text
   * goes on as a sentence, so the line is not an outlet line at all.
   */
  private static Tail tail(String tail) {
    String t = tail.substring(DateText.skipTime(DateText.fold(tail)));
    t = Text.trim(t);
    if (t.isEmpty()) {
      return new Tail(null, null);
    }
    if (PARTICLES.indexOf(t.charAt(0)) >= 0) {
      // "朝日新聞 10月13日の社説で…" is a sentence about an article, not an outlet line.
      return null;
    }
    if (looksLikeBody(t)) {
      return new Tail(null, t);
    }
    int cut = t.length();
    for (char c : ":：=＝/／|｜".toCharArray()) {
      int i = t.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    String author = Text.trim(EDITION_WORDS.matcher(t.substring(0, cut)).replaceAll(""));
    if (author.isEmpty() || author.startsWith("(") || author.startsWith("（")) {
      return new Tail(null, null);
    }
    return new Tail(author, null);
  }

  /** Drops the {@code )>} that closes {@code (2015/07/30)>}. */
  private static String closeParen(String tail) {
    String t = Text.trim(tail);
    if (t.startsWith(")") || t.startsWith("）")) {
      t = Text.trim(t.substring(1));
      if (t.startsWith(">") || t.startsWith("＞")) {
        t = t.substring(1);
      }
    }
    return t;
  }

  private static String trimSeparators(String s) {
    int end = s.length();
    while (end > 0) {
      char c = s.charAt(end - 1);
      if ("/／|｜:：-－".indexOf(c) < 0 && !Text.isSpace(c)) {
        break;
      }
      end--;
    }
    return Text.trim(s.substring(0, end));
  }

  private static boolean endsWithSpace(String s) {
    return !s.isEmpty() && Text.isSpace(s.charAt(s.length() - 1));
  }

  /** Whether a name the table does not know could still be an outlet: short, no sentence marks. */
  static boolean outletLike(String raw) {
    if (raw.isEmpty() || raw.length() > MAX_UNKNOWN_OUTLET || Character.isDigit(raw.charAt(0))) {
      return false;
    }
    boolean letter = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (NOT_IN_OUTLET.indexOf(c) >= 0) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }

  /** Text after a header that is too long or too sentence-like to be a byline. */
  private static boolean looksLikeBody(String t) {
    return t.length() > MAX_AUTHOR || hasSentencePunctuation(t);
  }

  private static boolean hasSentencePunctuation(String s) {
    for (int i = 0; i < s.length(); i++) {
      if ("。「」『』！？".indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
