package io.kirinuki.corpus;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Repairs a line of UTF-8 text that an editor once read as Shift_JIS (CP932) and saved again: the
 * {@code 縺ｯ繧ゅ} kind of garbage. The CP932 bytes of the garbage are the original UTF-8 bytes, except
 * where the misreading dropped a byte (shown as U+FFFD), so most of the line comes back.
 */
final class Mojibake {
  private Mojibake() {}

  private static final Charset CP932 = Charset.forName("windows-31j");

  /**
   * At most this share of the repaired characters may be lost for the repair to count. Real text
   * read this way loses most of its characters, since Shift_JIS bytes are rarely valid UTF-8.
   */
  private static final double MAX_LOST_SHARE = 0.34;

  /** Fewest Japanese characters a repaired line must have. */
  private static final int MIN_JAPANESE = 4;

  /**
   * Whether the line shows the tell-tale characters: UTF-8 kana start with E3 81..83, which CP932
   * reads as 縺, 繧, 繝, characters that almost never occur in real text; a line without kana ({@code
   * 神戸新聞 2014年10月5日}) turns into kanji mixed with half-width katakana instead. {@link #repair}
   * checks the guess.
   */
  static boolean suspect(String line) {
    boolean halfWidthKana = false;
    boolean kanji = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '縺' || c == '繧' || c == '繝') {
        return true;
      }
      halfWidthKana |= c >= '\uFF61' && c <= '\uFF9F';
      kanji |= c >= '\u4E00' && c <= '\u9FFF';
    }
    return halfWidthKana && kanji;
  }

  /** The repaired line, or null when it does not read as misread UTF-8. */
  static String repair(String line) {
    CharsetEncoder encoder =
        CP932
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(line.length() * 2);
    CharBuffer one = CharBuffer.allocate(2);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\uFFFD') {
        // A byte the misreading dropped: 0xFF is never valid UTF-8, so it decodes as U+FFFD.
        bytes.write(0xFF);
      } else if (c <= 0x80) {
        bytes.write(c);
      } else if (c == '\uF8F0') {
        // Python's cp932 decodes the lone bytes A0 and FD..FF to these private-use characters.
        bytes.write(0xA0);
      } else if (c >= '\uF8F1' && c <= '\uF8F3') {
        bytes.write(0xFD + (c - '\uF8F1'));
      } else {
        one.clear();
        one.put(c).flip();
        try {
          ByteBuffer b = encoder.encode(one);
          bytes.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
        } catch (CharacterCodingException e) {
          return null;
        }
      }
    }
    String decoded = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(decoded.length());
    int lost = 0;
    int japanese = 0;
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c == '\uFFFD') {
        // One dropped byte breaks one character into up to three replacement marks; show one.
        if (out.isEmpty() || out.charAt(out.length() - 1) != '\uFFFD') {
          out.append(c);
          lost++;
        }
        continue;
      }
      if (isJapanese(c)) {
        japanese++;
      }
      out.append(c);
    }
    if (japanese < MIN_JAPANESE || lost > MAX_LOST_SHARE * (japanese + lost)) {
      return null;
    }
    return out.toString();
  }

  private static boolean isJapanese(char c) {
    return (c >= '\u3040' && c <= '\u30FF')
        || (c >= '\u4E00' && c <= '\u9FFF')
        || c == '\u3001'
        || c == '\u3002';
  }
}
