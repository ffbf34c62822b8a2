package io.kirinuki.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutletsTest {
  private final Outlets outlets = Outlets.load();

  @Test
  void resolvesAnAliasOrACanonicalNameToTheCanonicalName() {
    // Yomiuri, by its short and its full name; NHK in full-width and lower case; an unknown paper.
    assertEquals(Optional.of("読売新聞"), outlets.resolve("読売"));
    assertEquals(Optional.of("読売新聞"), outlets.resolve("読売新聞"));
    assertEquals(Optional.of("NHK"), outlets.resolve("ＮＨＫ"));
    assertEquals(Optional.of("NHK"), outlets.resolve("nhk"));
    assertEquals(Optional.empty(), outlets.resolve("架空新聞"));
    assertNull(outlets.canonical("架空新聞"));
  }

  @Test
  void mapsTheShortFormsOfTheSeedsToFullNames() {
    Map<String, String> expected = new LinkedHashMap<>();
    // Tokyo, Chunichi, Sankei, Asahi, Mainichi, Nikkei, Gifu: the blog's short forms.
    expected.put("東京", "東京新聞");
    expected.put("中日", "中日新聞");
    expected.put("産経", "産経新聞");
    expected.put("朝日", "朝日新聞");
    expected.put("毎日", "毎日新聞");
    expected.put("日経", "日本経済新聞");
    expected.put("岐阜", "岐阜新聞");
    // Kyodo and Jiji, the news agencies.
    expected.put("共同", "共同通信");
    expected.put("時事", "時事通信");
    // Web outlets name themselves with a tagline; the canonical name is the short one.
    expected.put("秒刊SUNDAY | 最新の面白ニュースサイト", "秒刊SUNDAY");
    expected.put("最新臨床ニュースをm3.comが配信", "m3.com");
    Map<String, String> actual = new LinkedHashMap<>();
    expected.keySet().forEach(raw -> actual.put(raw, outlets.canonical(raw)));
    assertEquals(expected, actual);
  }

  @Test
  void knowsEveryOutletTheCorpusGeneratorWrites() {
    // OUTLETS (as written and as listed), WEB_OUTLETS, BYLINE_OUTLETS, SLASH_OUTLETS and
    // GOV_BODIES of /work/shared/corpus/make-corpus.py, each with the canonical name expected.
    Map<String, String> expected = new LinkedHashMap<>();
    for (String name :
        List.of(
            "朝日:朝日新聞",
            "毎日:毎日新聞",
            "読売:読売新聞",
            "中日:中日新聞",
            "東京:東京新聞",
            "産経:産経新聞",
            "日経:日本経済新聞",
            "岐阜:岐阜新聞",
            "岐阜新聞:岐阜新聞",
            "共同:共同通信",
            "時事:時事通信",
            "NHK:NHK",
            "北海道新聞:北海道新聞",
            "北海道:北海道新聞",
            "西日本新聞:西日本新聞",
            "西日本:西日本新聞",
            "神戸新聞:神戸新聞",
            "神戸:神戸新聞",
            "京都新聞:京都新聞",
            "京都:京都新聞",
            "信濃毎日新聞:信濃毎日新聞",
            "信毎:信濃毎日新聞",
            "河北新報:河北新報",
            "河北:河北新報",
            "中国新聞:中国新聞",
            "中国:中国新聞",
            "沖縄タイムス:沖縄タイムス",
            "琉球新報:琉球新報",
            "日刊ゲンダイ:日刊ゲンダイ",
            "ゲンダイ:日刊ゲンダイ",
            "J-CASTニュース:J-CASTニュース",
            "J-CAST:J-CASTニュース",
            "弁護士ドットコム:弁護士ドットコム",
            "朝日新聞デジタル:朝日新聞",
            "毎日新聞:毎日新聞",
            "読売新聞:読売新聞",
            "中日新聞:中日新聞",
            "イロリオ:イロリオ",
            "週刊朝日:週刊朝日",
            "ダイヤモンド・オンライン:ダイヤモンド・オンライン",
            "ダイヤモンド:ダイヤモンド・オンライン",
            "秒刊SUNDAY:秒刊SUNDAY",
            "ハフィントンポスト:ハフィントンポスト",
            "ねとらぼ:ねとらぼ",
            "BLOGOS:BLOGOS",
            "ITmedia ニュース:ITmedia ニュース",
            "東洋経済オンライン:東洋経済オンライン",
            "IT Pro ニュース:IT Pro ニュース",
            "日経ビジネスオンライン:日経ビジネスオンライン",
            "シルバー新報:シルバー新報",
            "福祉新聞:福祉新聞",
            "自治日報:自治日報",
            "週刊金曜日:週刊金曜日",
            "農業共済新聞:農業共済新聞",
            "総務省:総務省",
            "厚生労働省:厚生労働省",
            "内閣府:内閣府",
            "国土交通省:国土交通省",
            "文部科学省:文部科学省",
            "環境省:環境省",
            "岐阜県:岐阜県",
            "山県市:山県市",
            "会計検査院:会計検査院",
            "消費者庁:消費者庁",
            "警察庁:警察庁",
            "財務省:財務省",
            "日本経済新聞:日本経済新聞")) {
      String[] pair = name.split(":");
      expected.put(pair[0], pair[1]);
    }
    Map<String, String> actual = new LinkedHashMap<>();
    expected.keySet().forEach(raw -> actual.put(raw, outlets.canonical(raw)));
    assertEquals(expected, actual);
  }

  @Test
  void listsAliasesPerCanonicalNameWithoutTheNameItself() {
    List<String> yomiuri = outlets.aliases().get("読売新聞");

    assertEquals("読売", yomiuri.get(0));
    assertFalse(yomiuri.contains("読売新聞"));
    assertEquals(List.of("秒刊SUNDAY | 最新の面白ニュースサイト"), outlets.aliases().get("秒刊SUNDAY"));
  }

  @Test
  void aUserTableAddsAliasesAndMovesAnAliasItRepeats(@TempDir Path dir) throws IOException {
    Path table = dir.resolve("my-outlets.tsv");
    Files.writeString(
        table,
        // An alias for the Yomiuri; the Asahi's web edition as an outlet of its own; a new paper.
        "# my additions\n\n読売新聞\tヨミウリ\n朝日新聞デジタル\tアサデジ\n市民ネット通信\n",
        StandardCharsets.UTF_8);

    Outlets mine = Outlets.load(table);

    assertEquals("読売新聞", mine.canonical("ヨミウリ"));
    assertEquals("朝日新聞デジタル", mine.canonical("朝日新聞デジタル"));
    assertEquals("朝日新聞デジタル", mine.canonical("アサデジ"));
    assertFalse(mine.aliases().get("朝日新聞").contains("朝日新聞デジタル"));
    assertEquals("市民ネット通信", mine.canonical("市民ネット通信"));
    assertEquals("読売新聞", mine.canonical("読売"));
  }

  @Test
  void aMalformedUserTableFailsWithItsLineNumber(@TempDir Path dir) throws IOException {
    Path table = dir.resolve("bad.tsv");
    Files.writeString(table, "読売新聞\tヨミウリ\n\tno canonical name\n", StandardCharsets.UTF_8);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Outlets.load(table));

    assertEquals(table + " line 2: the first column (the canonical name) is empty", e.getMessage());
  }

  @Test
  void aMissingUserTableFailsWithOneSentence(@TempDir Path dir) {
    Path table = dir.resolve("missing.tsv");

    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Outlets.load(table));

    assertTrue(e.getMessage().startsWith("cannot read the outlet table " + table + ": "));
  }

  @Test
  void findsTheOutletAtTheStartOrEndOfALine() {
    // "Ministry of Internal Affairs/ task team": the outlet, then a separator.
    assertEquals(3, outlets.prefixEnd("総務省/ 自治体情報セキュリティ対策検討チーム"));
    // "Tokyo Metropolitan…" starts with 東京 but goes on: not an outlet.
    assertEquals(-1, outlets.prefixEnd("東京都杉並区は9月"));
    // "…think before you act" + "Tokyo": the outlet glued to a headline.
    assertEquals(6, outlets.suffixStart("急がず考えて東京"));
  }
}
