package io.kirinuki.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseCommandTest {
  private static final Path POSTS = Path.of("src/test/resources/posts");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = KirinukiCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private static String page(String name) {
    return POSTS.resolve(name).toString();
  }

  private static String golden(String name) throws IOException {
    return Files.readString(POSTS.resolve(name + ".expected.json"), StandardCharsets.UTF_8);
  }

  private List<String> outLines() {
    return out.toString().lines().toList();
  }

  @Test
  void printsOneJsonLinePerPostExactlyAsTheGoldenFiles() throws IOException {
    int exit =
        run("parse", "--json", page("000_51f9795d2875bb88.txt"), page("002_3696a5037cc44fdd.txt"));

    assertEquals(0, exit);
    assertEquals(golden("000_51f9795d2875bb88") + golden("002_3696a5037cc44fdd"), out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void printsAPostOfAnArchivePageAndOfItsOwnPageOnceWithBothSources() {
    int exit =
        run(
            "parse",
            "--json",
            page("m_201601.txt"),
            page("e_0a1b2c3d4e5f60718293a4b5c6d7e8f9.txt"));

    assertEquals(0, exit);
    assertEquals(3, outLines().size());
    assertTrue(
        outLines()
            .get(1)
            .endsWith(
                "\"sources\":[\"src/test/resources/posts/m_201601.txt\","
                    + "\"src/test/resources/posts/e_0a1b2c3d4e5f60718293a4b5c6d7e8f9.txt\"]}"),
        outLines().get(1));
  }

  @Test
  void namesEverySkippedFileWithItsReasonAndExitsOne() {
    int exit =
        run(
            "parse",
            "--json",
            page("empty.txt"),
            page("binary.txt"),
            page("no-such-page.txt"),
            page("shift-jis.txt"));

    assertEquals(1, exit);
    assertEquals(
        List.of(
            "kirinuki parse: skipped src/test/resources/posts/no-such-page.txt: no such file or"
                + " folder",
            "kirinuki parse: skipped src/test/resources/posts/empty.txt: empty file",
            "kirinuki parse: skipped src/test/resources/posts/binary.txt: binary content"),
        err.toString().lines().toList());
    assertEquals(1, outLines().size());
  }

  @Test
  void printsAReadableSummaryWithoutJson() {
    int exit = run("parse", page("002_3696a5037cc44fdd.txt"));

    assertEquals(0, exit);
    // Post id, date, comment count, title ("less than half a year until My Number starts"); then
    // one line per article: date, outlet, headline; then the totals.
    assertEquals(
        List.of(
            "p-e2ed0b048ac0a01f  2015-08-18  comments 0  マイナンバー制度の施行まで半年もない",
            "  from src/test/resources/posts/002_3696a5037cc44fdd.txt",
            "  (no date)   総務省  総務省/ 自治体情報セキュリティ対策検討チーム",
            "  2015-07-30  シルバー新報  マイナンバーは「実印」 個人情報保護レベルアップを",
            "  2015-08-18  m3.com  入院患者マイナンバーで手続き依頼 8月24日から医療機関での受け取り申請開始/厚生労働省",
            "  2015-07-30  読売新聞  流出対策自治体まだまだ…マイナンバーの情報管理",
            "  2015-08-15  東洋経済オンライン  「マイナンバー商戦」はここまで沸騰している 個人番号の通知まで、あと1カ月半",
            "  2015-08-12  IT Pro ニュース  マイナンバー見据え専門人材組織化で自治体のサイバー攻撃対策支援、総務省",
            "  2015-08-13  日本経済新聞  首都圏の自治体、マイナンバー準備に熱",
            "  2015-08-13  産経新聞  【知りたい! マイナンバー(3)】企業の備え不十分 77%が「どう対応すべきかわからない」",
            "1 files, 1 posts, 8 articles, 0 duplicates, 0 skipped"),
        outLines());
  }

  @Test
  void walksAFolderRecursively(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("2016/01"));
    Files.copy(POSTS.resolve("m_201601.txt"), dir.resolve("2016/m_201601.txt"));
    Files.copy(POSTS.resolve("d_20160105.txt"), dir.resolve("2016/01/d_20160105.txt"));
    Files.writeString(dir.resolve("2016/README.md"), "not a page");

    int exit = run("parse", dir.toString());

    assertEquals(0, exit);
    assertEquals("2 files, 5 posts, 7 articles, 0 duplicates, 0 skipped", outLines().getLast());
  }

  @Test
  void readsAUserOutletTable(@TempDir Path dir) throws IOException {
    Path table = dir.resolve("outlets.tsv");
    // "Citizens' Net News", an outlet the bundled table does not know, and an alias for it.
    Files.writeString(table, "市民ネット通信\tシミネ\n", StandardCharsets.UTF_8);

    run("parse", "--json", page("no-year.txt"));
    String without = out.toString();
    out.getBuffer().setLength(0);
    int exit = run("parse", "--json", "--outlets", table.toString(), page("no-year.txt"));

    assertEquals(0, exit);
    assertTrue(without.contains("its outlet 市民ネット通信 is not in the outlet table"));
    assertTrue(!out.toString().contains("is not in the outlet table"), out.toString());
  }

  @Test
  void failsWithOneLineWhenTheOutletTableCannotBeRead(@TempDir Path dir) {
    Path missing = dir.resolve("missing.tsv");

    int exit = run("parse", "--outlets", missing.toString(), page("no-year.txt"));

    assertEquals(1, exit);
    assertEquals(
        List.of(
            "kirinuki parse: cannot read the outlet table " + missing + ": no such file or folder"),
        err.toString().lines().toList());
    assertEquals("", out.toString());
  }

  @Test
  void printsHelpWithTheExitCodes() {
    int exit = run("parse", "--help");

    assertEquals(0, exit);
    List<String> lines = outLines();
    assertEquals(
        "Usage: kirinuki parse [-hV] [--json] [--verbose] [--outlets=FILE] FILE...", lines.get(0));
    assertTrue(lines.contains("Exit codes:"), out.toString());
    assertTrue(lines.contains("  0   every file was parsed"), out.toString());
    assertTrue(
        lines.contains(
            "  1   a file was skipped (named on stderr with the reason), or the command"),
        out.toString());
    assertTrue(lines.contains("  2   usage error"), out.toString());
  }

  @Test
  void rejectsAnUnknownOptionWithUsageAndExitTwo() {
    int exit = run("parse", "--bogus", page("no-year.txt"));

    assertEquals(2, exit);
    List<String> lines = err.toString().lines().toList();
    assertEquals("Unknown option: '--bogus'", lines.get(0));
    assertEquals(
        "Usage: kirinuki parse [-hV] [--json] [--verbose] [--outlets=FILE] FILE...", lines.get(1));
    assertEquals("", out.toString());
  }

  @Test
  void rejectsAMissingFileArgumentWithExitTwo() {
    int exit = run("parse");

    assertEquals(2, exit);
    assertEquals(
        "Missing required parameter: 'FILE'", err.toString().lines().findFirst().orElseThrow());
  }
}
