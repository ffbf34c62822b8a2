package io.kirinuki.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kirinuki.corpus.HeaderParser.Header;
import io.kirinuki.corpus.HeaderParser.Inline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Outlet/date lines in every form the archive has, and headline lines that carry their own outlet
 * and date. Expected values: outlet as written | canonical outlet | date (year-month-day, "?" for a
 * year left out) | author.
 */
class HeaderParserTest {
  private final HeaderParser parser = new HeaderParser(Outlets.load());

  private static String date(DateText.Found f) {
    return f == null
        ? "null"
        : (f.year() == null ? "?" : f.year()) + "-" + f.month() + "-" + f.day();
  }

  private static String describe(Header h) {
    return h == null
        ? "null"
        : h.outletRaw()
            + "|"
            + (h.outlet() != null && h.outlet().equals(h.outletRaw()) ? "=" : h.outlet())
            + "|"
            + date(h.date())
            + "|"
            + h.author();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '¦',
      textBlock =
          """
          # Tokyo, Yomiuri, Sankei with a full or a short dotted date; NHK with a time.
          東京 2015年10月11日 ¦ 東京|東京新聞|2015-10-11|null
          読売 10月13日 ¦ 読売|読売新聞|?-10-13|null
          産経 2015.10.13 ¦ 産経|産経新聞|2015-10-13|null
          産経 2015.9.16 ¦ 産経|産経新聞|2015-9-16|null
          産経 10.1 ¦ 産経|産経新聞|?-10-1|null
          NHK 10月13日 16時58分 ¦ NHK|=|?-10-13|null
          # Silver Shimpo: the date in parentheses; Nikkei: the date first; Chunichi 2006 style.
          シルバー新報 (2015/07/30)> ¦ シルバー新報|=|2015-7-30|null
          2015/8/13 日本経済新聞 ¦ 日本経済新聞|=|2015-8-13|null
          9.26 中日 ¦ 中日|中日新聞|?-9-26|null
          # Bylines after the date: Toyo Keizai (Fujio Akihiko), IT Pro (Kiyoshima Naoki).
          東洋経済オンライン  2015年08月15日藤尾 明彦 :ニュース編集部 記者 ¦ 東洋経済オンライン|=|2015-8-15|藤尾 明彦
          IT Pro ニュース  2015/08/12清嶋 直樹=日経コンピュータ ¦ IT Pro ニュース|=|2015-8-12|清嶋 直樹
          # A ministry page (no date), an outlet with its date lost, an edition word (morning).
          総務省/ 自治体情報セキュリティ対策検討チーム ¦ 総務省|=|null|null
          山県市/ 「タグづけ」 をご覧 ¦ 山県市|=|null|null
          朝日 ¦ 朝日|朝日新聞|null|null
          読売 10月13日 朝刊 ¦ 読売|読売新聞|?-10-13|null
          # Era year (Heisei 27 = 2015), full-width digits, a zero-padded month, a date alone.
          産経 平成27年10月13日 ¦ 産経|産経新聞|2015-10-13|null
          東京 ２０１５年１０月１１日 ¦ 東京|東京新聞|2015-10-11|null
          読売 2015年07月30日 ¦ 読売|読売新聞|2015-7-30|null
          平成27年10月15日 ¦ null|null|2015-10-15|null
          # An outlet the table does not know, followed by a date.
          市民ネット通信 10月14日 ¦ 市民ネット通信|=|?-10-14|null
          """)
  void readsEveryOutletLineForm(String line, String expected) {
    assertEquals(expected, describe(parser.outletLine(line)));
  }

  @Test
  void readsWebOutletsThatWriteTheirTagline() {
    // "Byokan SUNDAY | the latest funny news site", with a time glued to the date.
    Header byokan = parser.outletLine("秒刊SUNDAY | 最新の面白ニュースサイト 2015年10月13日14:34");
    // "m3.com delivers the latest clinical news".
    Header m3 = parser.outletLine("最新臨床ニュースをm3.comが配信 2015年8月18日");

    assertEquals("秒刊SUNDAY | 最新の面白ニュースサイト|秒刊SUNDAY|2015-10-13|null", describe(byokan));
    assertEquals("最新臨床ニュースをm3.comが配信|m3.com|2015-8-18|null", describe(m3));
  }

  @Test
  void readsAnOutletLineThatLostCharacters() {
    // "m3.com delivers…" and "2012年2月13日" with 配 and 月 lost, as a mojibake repair leaves them.
    Header m3 = parser.outletLine("最新臨床ニュースをm3.comが\uFFFD信 2012年2\uFFFD13日");
    // A lost character where the indent was, before "National Police Agency/ check".
    Header police = parser.outletLine("\uFFFD 警察庁/ チェック");

    assertEquals("最新臨床ニュースをm3.comが\uFFFD信|m3.com|2012-2-13|null", describe(m3));
    assertEquals("警察庁|=|null|null", describe(police));
  }

  @Test
  void splitsTheFirstBodyLineAnEditJoinedToAOneLineHeader() {
    // "headline   9月17日 Asahi" + "the server's port…".
    Inline in = parser.inline(" 見出し   9月17日 朝日サーバに対するポート番号を指定します。");

    assertEquals(HeaderParser.Kind.ONE_LINE, in.kind());
    assertEquals("朝日", in.header().outletRaw());
    assertEquals("サーバに対するポート番号を指定します。", in.header().bodyStart());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '¦',
      textBlock =
          """
          # A list item of the blogger's own under "● pages worth reading".
          ① 総務省のマイナンバー制度のページ ¦
          # Commentary that starts with an outlet or a date but goes on as a sentence.
          総務省は8月12日、「自治体情報セキュリティ対策検討チーム」の第3回会合を開いた。 ¦
          東京都杉並区は9月、マイナンバーに関する問い合わせに対応する電話窓口を設ける。 ¦
          朝日新聞 10月13日の社説によれば、制度には問題が多い。 ¦
          ★第3回会合 平成27年8月12日 ¦
          """)
  void leavesLinesThatAreNotOutletLinesAlone(String line, String unused) {
    assertNull(parser.outletLine(line));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '¦',
      textBlock =
          """
          # The 2006 one-line forms: date then outlet, dotted date then full name, outlet first.
           見出し   12月22日 朝日 ¦ ONE_LINE|見出し|朝日|?-12-22
           見出し 9.12 中日新聞 ¦ ONE_LINE|見出し|中日新聞|?-9-12
           見出し   朝日 12月22日 ¦ ONE_LINE|見出し|朝日|?-12-22
          # The ● list (table of contents), with and without a date.
          見出し/東京 10月11日 ¦ TOC|見出し|東京|?-10-11
          見出し/総務省 ¦ TOC|見出し|総務省|null
          # A one-line header whose date an edit removed: the outlet two spaces apart.
          見出し        産経 ¦ ONE_LINE|見出し|産経|null
          マップを検索/環境省/中日 3月6日 ¦ TOC|マップを検索/環境省|中日|?-3-6
          # An outlet line an edit glued to its headline ("headline" + "Tokyo 2015-10-11").
          見出し東京 2015年10月11日 ¦ GLUED|見出し|東京|2015-10-11
          # A headline that ends in a year ("over 2000 years, 1912"), then the date and NHK.
           2000年以上 1912年   2月22日 NHK ¦ ONE_LINE|2000年以上 1912年|NHK|?-2-22
          """)
  void readsOutletsAndDatesWrittenOnTheHeadlineLine(String heading, String expected) {
    Inline in = parser.inline(heading);
    String actual =
        in.kind()
            + "|"
            + in.headline()
            + "|"
            + in.header().outletRaw()
            + "|"
            + date(in.header().date());
    assertEquals(expected, actual);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '¦',
      textBlock =
          """
          # A heading of the blogger's own: "pages worth reading"; a ministry name in a headline.
           参考になるページ ¦
          総務省/ 自治体情報セキュリティ対策検討チーム ¦
          # A date that is part of the headline, with no outlet after it.
          10月13日の集会 ¦
          # A headline that ends in an outlet's name ("reported by the Asahi"), one space apart.
          報道した 朝日 ¦
          """)
  void findsNoHeaderInAnOrdinaryHeadline(String heading, String unused) {
    assertNull(parser.inline(heading));
  }
}
