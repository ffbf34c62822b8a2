package io.kirinuki.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MojibakeTest {
  /**
   * "番号は近いうちに直接通知されてくるとして(ここはまだ)、来年1月からは「番号カード」の交付。" ("the number will soon be notified directly
   * (not yet here), the card from January") after Python's {@code s.encode('utf-8').decode('cp932',
   * 'replace')}, as the corpus generator makes.
   */
  private static final String GARBLED =
      "\u9021\uff6a\u873f\uff77\u7e3a\uff6f\u9711\u4ee3\uff1e\u7e3a\ufffd\u7e3a\uff61\u7e3a\uff6b"
          + "\u9036\uff74\u8b17\uff65\u9a3e\u5902\u884d\u7e3a\u8f14\uff4c\u7e3a\uff66\u7e3a\u4e0a"
          + "\uff4b\u7e3a\uff68\u7e3a\u52b1\u203b(\u7e3a\u8599\uff05\u7e3a\uff6f\u7e3a\uff7e\u7e3a"
          + "\uf8f0)\u7e32\u2235\u64c2\u87f7\uff741\u8b5b\u533b\u00b0\u7e67\u5ce8\ufffd\uff6f\u7e32"
          + "\u6a8e\u5206\u873f\uff77\u7e67\uff6b\u7e5d\uff7c\u7e5d\u5ce8\u0080\u962a\ufffd\uff6e"
          + "\u83a0\uff64\u8389\u5025\u0080\ufffd";

  @Test
  void bringsBackAMisreadLineExceptTheBytesTheMisreadingDropped() {
    assertTrue(Mojibake.suspect(GARBLED));
    // Each U+FFFD stands for one byte Python's decoder dropped: う, は, の and the full stop.
    assertEquals(
        "番号は近い\uFFFDちに直接通知されてくるとして(ここはまだ)、来年1月から\uFFFD「番号カード」\uFFFD交付\uFFFD",
        Mojibake.repair(GARBLED));
  }

  @Test
  void bringsBackALineWithoutKanaToo() {
    // "神戸新聞 2014年10月5日" (Kobe Shimbun, a date) misread: kanji and half-width katakana,
    // none of 縺繧繝; 聞 and 月 lost their last byte.
    String garbled =
        "\u903e\u6a0a\u867b\u8b41\uff70\u95a8\ufffd 2014\u87f7\uff7410\u8b5b\ufffd5\u8b4c\uff65";

    assertTrue(Mojibake.suspect(garbled));
    assertEquals("神戸新\uFFFD 2014年10\uFFFD5日", Mojibake.repair(garbled));
  }

  @Test
  void leavesRealTextAlone() {
    // "The number will soon be notified directly."
    String real = "番号は近いうちに直接通知される。";

    assertFalse(Mojibake.suspect(real));
    assertNull(Mojibake.repair(real));
    // A rare kanji that the garbage often holds, in real text ("thread" in a name).
    assertNull(Mojibake.repair("縺れた糸をほどく話です。"));
  }
}
