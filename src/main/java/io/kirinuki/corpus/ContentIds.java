package io.kirinuki.corpus;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Stable ids from content: {@code a-} or {@code p-} and the first 16 hex digits of the SHA-256 of
 * the normalised content. Normalised means: all whitespace and zero-width characters removed,
 * full-width ASCII and half-width katakana folded (NFKC-like), the characters Shift_JIS converters
 * disagree on made one ({@code 〜}/{@code ～}, {@code −}/{@code －}, {@code ‖}/{@code ∥}, {@code
 * —}/{@code ―}), so the ids survive edits that only touch layout (CRLF, BOM, trailing or full-width
 * spaces, tabs, indentation, half-width kana, the page header, the file's encoding). Page furniture
 * and the file name never enter an id.
 */
final class ContentIds {
  private ContentIds() {}

  private static final int ID_HEX_DIGITS = 16;

  /** Never updated itself: each id clones it, which is much cheaper than a provider lookup. */
  private static final MessageDigest SHA_256 = sha256();

  /**
   * Characters that Shift_JIS converters map to different code points (Windows and JIS tables), so
   * that the same post saved in CP932 and in UTF-8 gets one id: each folds to the character at the
   * same position of {@link #SJIS_FOLDED}.
   */
  private static final String SJIS_VARIANTS = "〜−–‖—¢£¬￠￡￢";

  private static final String SJIS_FOLDED = "~--∥―¢£¬¢£¬";

  private static boolean isSjisVariant(char c) {
    return (c >= '\u00A2' && c <= '\u00AC'
            || c >= '\u2013' && c <= '\u2225'
            || c == '\u301C'
            || c >= '\uFFE0' && c <= '\uFFE2')
        && SJIS_VARIANTS.indexOf(c) >= 0;
  }

  /** Separates fields, so that moving text from one field to the next changes the id. */
  private static final char FIELD = '\u0001';

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * An article's id from its headline, outlet (canonical name, else as written), month and day (the
   * year is left out: it is often inferred, and inference depends on the file a post is read from),
   * and body.
   */
  static String articleId(String title, String outlet, DateText.Found date, String body) {
    Digest d = new Digest(body.length() * 3 + 256);
    d.ascii('a').ascii(FIELD);
    d.normalised(title).ascii(FIELD);
    if (outlet != null) {
      d.normalised(Outlets.key(outlet));
    }
    d.ascii(FIELD);
    if (date != null) {
      d.ascii((char) ('0' + date.month() / 10)).ascii((char) ('0' + date.month() % 10));
      d.ascii('-');
      d.ascii((char) ('0' + date.day() / 10)).ascii((char) ('0' + date.day() % 10));
    }
    d.ascii(FIELD).normalised(body);
    return "a-" + d.hex();
  }

  /** A post's id from its commentary and its articles' ids, in order. */
  static String postId(String commentary, List<String> articleIds) {
    Digest d = new Digest(commentary.length() * 3 + 32 * articleIds.size() + 16);
    d.ascii('p').ascii(FIELD).normalised(commentary);
    for (String id : articleIds) {
      d.ascii(FIELD);
      for (int i = 0; i < id.length(); i++) {
        d.ascii(id.charAt(i));
      }
    }
    return "p-" + d.hex();
  }

  /** Appends {@code s} normalised: no whitespace, width folded. */
  static void normalise(StringBuilder b, String s) {
    forEachNormalised(s, b::append);
  }

  private interface CharSink {
    void put(char c);
  }

  private static void forEachNormalised(String s, CharSink sink) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Text.isSpace(c)
          || c == '\u200B'
          || c == '\u200C'
          || c == '\u200D'
          || c == '\u2060'
          || c == '\uFEFF') {
        continue;
      }
      if (c >= '\uFF01' && c <= '\uFF5E') {
        sink.put((char) (c - 0xFEE0));
      } else if (isSjisVariant(c)) {
        sink.put(SJIS_FOLDED.charAt(SJIS_VARIANTS.indexOf(c)));
      } else if (c >= '\uFF61' && c <= '\uFF9F') {
        // A run of half-width katakana, voiced marks included (ｶﾞ → ガ), folded by NFKC.
        int end = i + 1;
        while (end < s.length() && s.charAt(end) >= '\uFF61' && s.charAt(end) <= '\uFF9F') {
          end++;
        }
        String full = Normalizer.normalize(s.substring(i, end), Normalizer.Form.NFKC);
        for (int k = 0; k < full.length(); k++) {
          sink.put(full.charAt(k));
        }
        i = end - 1;
      } else {
        sink.put(c);
      }
    }
  }

  /** UTF-8 bytes of the content, written straight into a buffer for SHA-256. */
  private static final class Digest implements CharSink {
    private byte[] buf;
    private int len;
    private char highSurrogate;

    Digest(int capacity) {
      buf = new byte[capacity];
    }

    Digest ascii(char c) {
      put(c);
      return this;
    }

    Digest normalised(String s) {
      forEachNormalised(s, this);
      return this;
    }

    @Override
    public void put(char c) {
      if (len + 4 > buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2 + 8);
      }
      if (c < 0x80) {
        buf[len++] = (byte) c;
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xC0 | (c >> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)) {
        highSurrogate = c;
      } else if (Character.isLowSurrogate(c) && highSurrogate != 0) {
        int cp = Character.toCodePoint(highSurrogate, c);
        highSurrogate = 0;
        buf[len++] = (byte) (0xF0 | (cp >> 18));
        buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        buf[len++] = (byte) (0xE0 | (c >> 12));
        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (c & 0x3F));
      }
    }

    String hex() {
      MessageDigest sha;
      try {
        sha = (MessageDigest) SHA_256.clone();
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException("SHA-256 digests can be cloned", e);
      }
      sha.update(buf, 0, len);
      return HexFormat.of().formatHex(sha.digest()).substring(0, ID_HEX_DIGITS);
    }
  }
}
