package io.kirinuki.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mozilla.universalchardet.Constants;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns the bytes of a page into text: UTF-8 with or without a BOM, UTF-16 with a BOM, Shift_JIS
 * (read as its superset Windows-31J, CP932), EUC-JP and ISO-2022-JP, with CRLF and CR made LF.
 * Legacy encodings are detected with juniversalchardet and checked by a strict decode.
 */
public final class PageDecoder {
  private PageDecoder() {}

  private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
  private static final Charset EUC_JP = Charset.forName("EUC-JP");
  private static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");

  /** How much of a file the binary check looks at. */
  private static final int SNIFF_BYTES = 8192;

  /** Share of control characters in the sniffed bytes above which a file is binary. */
  private static final double MAX_CONTROL_SHARE = 0.02;

  /** Bad bytes tolerated (read as U+FFFD) in a file that is otherwise readable, per byte. */
  private static final double MAX_BAD_BYTE_SHARE = 0.001;

  /** Bad bytes tolerated in any file, however short... */
  private static final int MIN_BAD_BYTES_TOLERATED = 3;

  /** ...as long as they are no more than this share of its characters. */
  private static final double MAX_BAD_CHAR_SHARE = 0.05;

  /**
   * The page text, LF line ends, no BOM.
   *
   * @param fileName the display path, for the exception
   * @throws UnreadableFileException when the file is empty, binary, or in no encoding we read
   */
  public static String decode(byte[] bytes, String fileName) throws UnreadableFileException {
    if (bytes.length == 0) {
      throw new UnreadableFileException(fileName, "empty file");
    }
    String text = bomText(bytes);
    if (text == null) {
      if (looksBinary(bytes)) {
        throw new UnreadableFileException(fileName, "binary content");
      }
      text = detectText(bytes);
      if (text == null) {
        throw new UnreadableFileException(fileName, "not decodable as UTF-8, Shift_JIS or EUC-JP");
      }
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    if (text.indexOf('\r') >= 0) {
      text = text.replace("\r\n", "\n").replace('\r', '\n');
    }
    if (Text.isBlank(text)) {
      throw new UnreadableFileException(fileName, "blank file (only whitespace)");
    }
    return text;
  }

  /** The text of a file that starts with a byte-order mark, or null when it has none. */
  private static String bomText(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      String text = utf8(b, 3);
      return text != null ? text : lenientUtf8(b, 3);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return strict(StandardCharsets.UTF_16LE, b, 2);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return strict(StandardCharsets.UTF_16BE, b, 2);
    }
    return null;
  }

  private static String detectText(byte[] bytes) {
    if (hasIso2022Escape(bytes)) {
      String text = strict(ISO_2022_JP, bytes, 0);
      if (text != null) {
        return text;
      }
    }
    String utf8 = utf8(bytes, 0);
    if (utf8 != null) {
      return utf8;
    }
    List<Charset> candidates = new ArrayList<>();
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(bytes, 0, bytes.length);
    detector.dataEnd();
    if (Constants.CHARSET_EUC_JP.equals(detector.getDetectedCharset())) {
      candidates.add(EUC_JP);
    }
    candidates.add(WINDOWS_31J);
    if (!candidates.contains(EUC_JP)) {
      candidates.add(EUC_JP);
    }
    candidates.add(StandardCharsets.UTF_8);
    // Each decoder accepts some of the others' bytes, and a real file may hold a few bytes no
    // decoder reads (a stray 0xA0 in Shift_JIS, a cut UTF-8 character): the reading with the
    // fewest bad bytes wins, then the more Japanese-looking one. Bad bytes become U+FFFD.
    String best = null;
    int bestBad = Integer.MAX_VALUE;
    int bestScore = Integer.MIN_VALUE;
    for (Charset charset : candidates) {
      String text = new String(bytes, charset);
      int bad = count(text, '\uFFFD');
      int score = japaneseScore(text);
      if (bad < bestBad || (bad == bestBad && score > bestScore)) {
        best = text;
        bestBad = bad;
        bestScore = score;
      }
    }
    boolean few =
        bestBad <= Math.max(MIN_BAD_BYTES_TOLERATED, bytes.length * MAX_BAD_BYTE_SHARE)
            && bestBad <= best.length() * MAX_BAD_CHAR_SHARE;
    return few ? best : null;
  }

  private static int count(String text, char c) {
    int n = 0;
    for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
      n++;
    }
    return n;
  }

  /** Strict UTF-8, or null. The String constructor is the fast path; it marks bad bytes U+FFFD. */
  private static String utf8(byte[] bytes, int offset) {
    String text = lenientUtf8(bytes, offset);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    // A U+FFFD may be in the file itself (EF BF BD) or stand for bad bytes: ask a strict decoder.
    return strict(StandardCharsets.UTF_8, bytes, offset);
  }

  private static String strict(Charset charset, byte[] bytes, int offset) {
    try {
      CharBuffer chars =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String lenientUtf8(byte[] bytes, int offset) {
    return new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
  }

  /** NUL bytes or many control characters near the start: an image, an archive, a PDF... */
  private static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, SNIFF_BYTES);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
        control++;
      }
    }
    return control > n * MAX_CONTROL_SHARE;
  }

  /** ESC $ B, ESC $ @ or ESC ( J: the escape sequences of ISO-2022-JP. */
  private static boolean hasIso2022Escape(byte[] b) {
    for (int i = 0; i + 2 < b.length; i++) {
      if (b[i] == 0x1B
          && ((b[i + 1] == '$' && (b[i + 2] == 'B' || b[i + 2] == '@'))
              || (b[i + 1] == '(' && b[i + 2] == 'J'))) {
        return true;
      }
    }
    return false;
  }

  /** Kana and kanji count for, half-width katakana and private-use characters against. */
  private static int japaneseScore(String text) {
    int score = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= '\u3040' && c <= '\u30FF') || (c >= '\u4E00' && c <= '\u9FFF')) {
        score += (c >= '\u3041' && c <= '\u3093') ? 2 : 1;
      } else if ((c >= '\uFF61' && c <= '\uFF9F') || (c >= '\uE000' && c <= '\uF8FF')) {
        score -= 2;
      }
    }
    return score;
  }
}
