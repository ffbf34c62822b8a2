package io.kirinuki.corpus;

import io.kirinuki.corpus.PageText.Line;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page furniture, the text the blog host and template put around posts: host notices, the tagline,
 * the blog name, the ranking promotion block and the {@code コメント ( N ) | Trackback ( )} footer.
 */
final class Furniture {
  private Furniture() {}

  static final String BLOG_NAME = "てらまち・ねっと";

  /** Notices goo put above the tagline; they are furniture wherever they appear. */
  private static final List<String> HOST_NOTICES =
      List.of("不適切な表現に該当する恐れがある内容を一部非表示にしています", "goo blog サービス終了のお知らせ");

  /** How many non-blank lines at the top of a post may belong to the page header. */
  private static final int HEADER_WINDOW = 4;

  /** Longest line that can still be a host notice above the tagline. */
  private static final int MAX_NOTICE_LENGTH = 120;

  private static final Pattern FOOTER =
      Pattern.compile(
          "(?:コメント|ｺﾒﾝﾄ) *[(（] *(\\d*) *[)）] *[|｜] *"
              + "(?:Trackback|TrackBack|トラックバック|ﾄﾗｯｸﾊﾞｯｸ) *[(（] *\\d* *[)）]");

  /** The halves of the footer, for a footer with a lost character (U+FFFD) in the other half. */
  private static final Pattern FOOTER_LEFT =
      Pattern.compile("(?:コメント|ｺﾒﾝﾄ) *[(（] *(\\d*) *[)）] *[|｜]");

  private static final Pattern FOOTER_RIGHT =
      Pattern.compile("[|｜] *(?:Trackback|TrackBack|トラックバック|ﾄﾗｯｸﾊﾞｯｸ) *[(（]");

  /** Longest line read as a damaged footer. */
  private static final int MAX_DAMAGED_FOOTER = 40;

  private static final Pattern ARROWS = Pattern.compile("^[↓↑→←\\s　]+$");

  /**
   * The comment footer found in a line: the text before it (the end of the post, when an edit
   * joined the lines), the comment count (null when unreadable), the text after it.
   */
  record Footer(String before, Integer comments, String after) {}

  /** The footer in this line, or null. */
  static Footer footer(String line) {
    if (!hasFooterMark(line)) {
      return null;
    }
    String s = DateText.fold(line);
    Matcher m = FOOTER.matcher(s);
    if (m.find()) {
      return new Footer(
          Text.trim(line.substring(0, m.start())),
          count(m.group(1)),
          Text.trim(line.substring(m.end())));
    }
    if (s.indexOf('\uFFFD') >= 0 && s.length() <= MAX_DAMAGED_FOOTER) {
      Matcher left = FOOTER_LEFT.matcher(s);
      if (left.find()) {
        return new Footer(Text.trim(line.substring(0, left.start())), count(left.group(1)), "");
      }
      Matcher right = FOOTER_RIGHT.matcher(s);
      if (right.find() && s.indexOf("ント") >= 0) {
        return new Footer("", null, "");
      }
    }
    return null;
  }

  /** A footer always has a bar, unless a lost character (U+FFFD) took its place. */
  private static boolean hasFooterMark(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '|' || c == '｜' || c == '\uFFFD') {
        return true;
      }
    }
    return false;
  }

  private static Integer count(String digits) {
    return digits.isEmpty() || digits.length() > 9 ? null : Integer.valueOf(digits);
  }

  /** The post's lines without the furniture: header at the top, notices, the promotion block. */
  static List<Line> strip(List<Line> lines) {
    List<Line> out = new ArrayList<>(lines.size());
    // Where the promotion block was: its arrow-only lines are furniture only there.
    List<Boolean> promo = new ArrayList<>(lines.size());
    int headerEnd = headerEnd(lines);
    for (int i = headerEnd + 1; i < lines.size(); i++) {
      Line line = lines.get(i);
      String t = line.text();
      if (t.isEmpty()) {
        out.add(line);
        promo.add(false);
        continue;
      }
      String f = matchForm(Text.trim(t));
      if (f.equals(BLOG_NAME) || HOST_NOTICES.contains(f)) {
        continue;
      }
      int at = f.indexOf("人気ブログランキング");
      if (at > 0 && f.length() == t.length()) {
        // An edit joined a line to the promotion line that followed it: keep the line.
        out.add(new Line(Text.trim(t.substring(0, at)), line.warning()));
        promo.add(false);
        out.add(new Line(""));
        promo.add(true);
        continue;
      }
      if (isPromo(f)) {
        out.add(new Line(""));
        promo.add(true);
        // An edit joined the next line (an article header) to the promotion line: keep it.
        int bullet = t.indexOf('●');
        if (bullet > 0) {
          out.add(new Line(t.substring(bullet), line.warning()));
          promo.add(false);
        }
        continue;
      }
      out.add(line);
      promo.add(false);
    }
    dropPromoArrows(out, promo);
    return out;
  }

  /** Arrow-only lines ({@code ↓ ↓}, {@code →→←←}) next to the promotion block; elsewhere text. */
  private static void dropPromoArrows(List<Line> lines, List<Boolean> promo) {
    // A run of arrow lines after the block, then a run before it: one pass each way.
    for (int i = 1; i < lines.size(); i++) {
      if (promo.get(i - 1) && isArrows(lines.get(i).text())) {
        lines.set(i, new Line(""));
        promo.set(i, true);
      }
    }
    for (int i = lines.size() - 2; i >= 0; i--) {
      if (promo.get(i + 1) && isArrows(lines.get(i).text())) {
        lines.set(i, new Line(""));
        promo.set(i, true);
      }
    }
  }

  private static boolean isArrows(String t) {
    return !t.isEmpty() && "↓↑→←".indexOf(t.charAt(0)) >= 0 && ARROWS.matcher(t).matches();
  }

  /** Index of the last header line (host notice, tagline, blog name) at the top, or -1. */
  private static int headerEnd(List<Line> lines) {
    int end = -1;
    int seen = 0;
    for (int i = 0; i < lines.size() && seen < HEADER_WINDOW; i++) {
      String t = lines.get(i).text();
      if (t.isEmpty()) {
        continue;
      }
      seen++;
      String f = matchForm(Text.trim(t));
      if (isTagline(f) || f.equals(BLOG_NAME) || HOST_NOTICES.contains(f)) {
        end = i;
      } else if (end >= 0 || f.startsWith("●") || f.length() > MAX_NOTICE_LENGTH) {
        // The header is over, or this is no host notice but the post itself.
        break;
      }
    }
    return end;
  }

  /**
   * The tagline above the blog name. It has varied over the years ({@code 毎日、1000件以上の
   * アクセス、4000件以上の閲覧がある情報発信ブログ。…}); what stays is a daily count of accesses and the word blog. A
   * host notice may be glued in front of it by an edit.
   */
  static boolean isTagline(String f) {
    int start = f.indexOf("毎日");
    return start >= 0
        && (start == 0 || HOST_NOTICES.stream().anyMatch(f::startsWith))
        && f.indexOf("件", start) > 0
        && f.indexOf("アクセス", start) > 0
        && f.indexOf("ブログ", start) > 0;
  }

  /** The ranking promotion lines, in all their variants. */
  static boolean isPromo(String f) {
    return f.startsWith("人気ブログランキング")
        || (f.startsWith("★携帯でも") || f.startsWith("★パソコンは")) && f.contains("クリック")
        || f.contains("ワン・クリック") && f.contains("10点");
  }

  /** The line as furniture checks see it: half-width kana and full-width letters folded. */
  static String matchForm(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF9F') {
        return Normalizer.normalize(t, Normalizer.Form.NFKC);
      }
    }
    return t;
  }
}
