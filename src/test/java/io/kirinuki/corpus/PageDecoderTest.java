package io.kirinuki.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class PageDecoderTest {
  // "The My Number card is issued by the city office." — kana, kanji and punctuation.
  private static final String SENTENCE = "マイナンバーカードは、市役所で交付されます。\n番号は近いうちに通知される。\n";

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void decodesUtf8WithOrWithoutABomAndMakesEveryLineEndLf() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] crlf = SENTENCE.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] cr = SENTENCE.replace("\n", "\r").getBytes(StandardCharsets.UTF_8);

    assertEquals(SENTENCE, PageDecoder.decode(SENTENCE.getBytes(StandardCharsets.UTF_8), "a"));
    assertEquals(SENTENCE, PageDecoder.decode(concat(bom, crlf), "b"));
    assertEquals(SENTENCE, PageDecoder.decode(cr, "c"));
  }

  @Test
  void detectsShiftJisAndEucJpEvenInOneShortSentence() throws Exception {
    assertEquals(
        SENTENCE, PageDecoder.decode(SENTENCE.getBytes(Charset.forName("windows-31j")), "sjis"));
    assertEquals(SENTENCE, PageDecoder.decode(SENTENCE.getBytes(Charset.forName("EUC-JP")), "euc"));
  }

  @Test
  void decodesTheShiftJisAndEucJpFixturesToTheSameText() throws Exception {
    byte[] sjis = Files.readAllBytes(PostParserGoldenTest.POSTS.resolve("shift-jis.txt"));
    byte[] euc = Files.readAllBytes(PostParserGoldenTest.POSTS.resolve("euc-jp.txt"));

    String text = PageDecoder.decode(sjis, "shift-jis.txt");

    assertEquals(text, PageDecoder.decode(euc, "euc-jp.txt"));
    // The blog name, "terramachi net".
    assertEquals("てらまち・ねっと", text.lines().toList().get(1));
  }

  @Test
  void decodesUtf16WithABomAndIso2022Jp() throws Exception {
    byte[] utf16 =
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, SENTENCE.getBytes(StandardCharsets.UTF_16LE));
    byte[] jis = SENTENCE.getBytes(Charset.forName("ISO-2022-JP"));

    assertEquals(SENTENCE, PageDecoder.decode(utf16, "utf16"));
    assertEquals(SENTENCE, PageDecoder.decode(jis, "jis"));
  }

  @Test
  void keepsAFewBrokenBytesOfAnOtherwiseUtf8FileAsReplacementCharacters() throws Exception {
    byte[] good = SENTENCE.repeat(20).getBytes(StandardCharsets.UTF_8);
    byte[] broken = concat(good, new byte[] {(byte) 0xE3, (byte) 0x81}, good);

    String text = PageDecoder.decode(broken, "broken");

    assertEquals(SENTENCE.repeat(20) + "\uFFFD" + SENTENCE.repeat(20), text);
  }

  @Test
  void readsAShiftJisFileWithAStrayByteAndMarksTheByte() throws Exception {
    byte[] sjis = SENTENCE.repeat(20).getBytes(Charset.forName("windows-31j"));
    // 0xA0 is no character in Windows-31J; Python's cp932 writes it for U+F8F0.
    byte[] stray = concat(sjis, new byte[] {(byte) 0xA0}, sjis);

    assertEquals(
        SENTENCE.repeat(20) + "\uFFFD" + SENTENCE.repeat(20), PageDecoder.decode(stray, "stray"));
  }

  @Test
  void rejectsAnEmptyFile() {
    UnreadableFileException e =
        assertThrows(UnreadableFileException.class, () -> PageDecoder.decode(new byte[0], "e.txt"));

    assertEquals("empty file", e.getMessage());
    assertEquals("e.txt", e.file());
  }

  @Test
  void rejectsAFileOfOnlyWhitespace() {
    byte[] blank = " \r\n\t\u3000\n".getBytes(StandardCharsets.UTF_8);

    UnreadableFileException e =
        assertThrows(UnreadableFileException.class, () -> PageDecoder.decode(blank, "b.txt"));

    assertEquals("blank file (only whitespace)", e.getMessage());
  }

  @Test
  void rejectsBinaryContent() throws Exception {
    byte[] png = Files.readAllBytes(PostParserGoldenTest.POSTS.resolve("binary.txt"));
    byte[] controls = new byte[200];
    for (int i = 0; i < controls.length; i++) {
      controls[i] = (byte) (i % 2 == 0 ? 'a' : 0x01);
    }

    assertEquals(
        "binary content",
        assertThrows(UnreadableFileException.class, () -> PageDecoder.decode(png, "p"))
            .getMessage());
    assertEquals(
        "binary content",
        assertThrows(UnreadableFileException.class, () -> PageDecoder.decode(controls, "c"))
            .getMessage());
  }

  @Test
  void rejectsBytesNoJapaneseEncodingReads() {
    byte[] junk = new byte[120];
    for (int i = 0; i < junk.length; i++) {
      junk[i] = (byte) (i % 3 == 0 ? 'x' : 0xFF);
    }

    UnreadableFileException e =
        assertThrows(UnreadableFileException.class, () -> PageDecoder.decode(junk, "j.txt"));

    assertEquals("not decodable as UTF-8, Shift_JIS or EUC-JP", e.getMessage());
  }
}
