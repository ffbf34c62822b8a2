package io.kirinuki.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class FileContextTest {
  @Test
  void readsTheDayOfADayPage() {
    assertEquals(LocalDate.of(2015, 10, 13), FileContext.of("2015/d_20151013.txt").day());
    assertEquals(LocalDate.of(2015, 10, 13), FileContext.of("blog.goo.ne.jp/x/d/20151013").day());
    assertEquals(LocalDate.of(2015, 10, 13), FileContext.of("d/20151013.txt").day());
    assertEquals(null, FileContext.of("d_20151340.txt").day());
  }

  @Test
  void readsTheMonthOfAnArchivePage() {
    assertEquals(YearMonth.of(2015, 10), FileContext.of("m_201510.txt").month());
    assertEquals(YearMonth.of(2015, 10), FileContext.of("/data/2015/m_201510-2.txt").month());
    assertEquals(YearMonth.of(2015, 10), FileContext.of("blog.goo.ne.jp/x/m/201510?p=2").month());
    assertEquals(null, FileContext.of("m_201513.txt").month());
  }

  @Test
  void readsAYearFolderAsAHintOnly() {
    FileContext c = FileContext.of("corpus\\2007\\e_5a6dd748fb0043224e08bb789bfa8983.txt");

    assertEquals(2007, c.year());
    assertEquals(null, c.day());
    assertEquals(null, c.month());
    assertEquals(null, FileContext.of("2007e/page.txt").year());
  }

  @Test
  void givesAGooEntryItsUrlAndNothingElse() {
    FileContext c =
        FileContext.of("mirror/blog.goo.ne.jp/teramachi-t/e/51f9795d2875bb8851f9795d2875bb88.txt");

    assertEquals("https://blog.goo.ne.jp/teramachi-t/e/51f9795d2875bb8851f9795d2875bb88", c.url());
    assertEquals(null, FileContext.of("000_51f9795d2875bb88.txt").url());
    assertEquals(FileContext.NONE, FileContext.of("000_51f9795d2875bb88.txt"));
  }
}
