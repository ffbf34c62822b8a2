package io.kirinuki.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SynonymsTest {

  private static Synonyms synonyms;

  @BeforeAll
  static void load() {
    synonyms = Synonyms.load();
  }

  @Test
  void mapsAMinistryAbbreviationToItsFullNameAndBack() {
    // health ministry: short and full name
    assertEquals(Set.of("厚生労働省"), synonyms.equivalents("厚労省"));
    assertEquals(Set.of("厚労省"), synonyms.equivalents("厚生労働省"));
    // Japan Pension Service
    assertEquals(Set.of("日本年金機構"), synonyms.equivalents("年金機構"));
  }

  @Test
  void returnsTheOtherMembersInFileOrder() {
    // "My Number", its statutory name and its earlier name
    assertEquals(List.of("個人番号", "共通番号"), List.copyOf(synonyms.equivalents("マイナンバー")));
    assertEquals(List.of("マイナンバー", "共通番号"), List.copyOf(synonyms.equivalents("個人番号")));
  }

  @Test
  void comparesWordsAfterNormalisation() {
    // NHK in full-width capitals and in lower case; "My Number" in hiragana with its long vowel
    assertEquals(Set.of("日本放送協会"), synonyms.equivalents("ＮＨＫ"));
    assertEquals(Set.of("日本放送協会"), synonyms.equivalents("nhk"));
    assertEquals(Set.of("個人番号", "共通番号"), synonyms.equivalents("まいなんばー"));
  }

  @Test
  void returnsNothingForAWordInNoGroup() {
    // "hydrangea"
    assertEquals(Set.of(), synonyms.equivalents("紫陽花"));
    assertEquals(Set.of(), synonyms.equivalents(""));
  }

  @Test
  void holdsTheGovernmentBodiesAndOutletsOfTheBrief() {
    assertTrue(synonyms.groupCount() >= 30, "groups: " + synonyms.groupCount());
    // internal affairs minister, chief cabinet secretary (内閣官房), defence, the Yomiuri
    assertEquals(Set.of("総務相"), synonyms.equivalents("総務大臣"));
    assertEquals(Set.of("官房長官"), synonyms.equivalents("内閣官房長官"));
    assertEquals(Set.of("防衛庁"), synonyms.equivalents("防衛省"));
    assertEquals(Set.of("読売新聞"), synonyms.equivalents("読売"));
    // transport, trade, agriculture, education ministries
    assertEquals(Set.of("国土交通省"), synonyms.equivalents("国交省"));
    assertEquals(Set.of("経済産業省"), synonyms.equivalents("経産省"));
    assertEquals(Set.of("農林水産省"), synonyms.equivalents("農水省"));
    assertEquals(Set.of("文部科学省"), synonyms.equivalents("文科省"));
  }

  @Test
  void mergesTheGroupsAWordBelongsTo() throws IOException {
    Synonyms two = Synonyms.parse(new StringReader("a,b\n# comment\nb,c # trailing\n"), "t");
    assertEquals(Set.of("a", "c"), two.equivalents("b"));
    assertEquals(Set.of("b"), two.equivalents("A"));
    assertEquals(2, two.groupCount());
  }

  @Test
  void refusesAGroupOfOneWord() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Synonyms.parse(new StringReader("厚労省,厚生労働省\n総務省\n"), "test.txt"));
    assertEquals(
        "The synonyms file test.txt has a group of one word at line 2: '総務省'; a group needs"
            + " two different words.",
        e.getMessage());
  }

  @Test
  void refusesAnEmptyMember() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Synonyms.parse(new StringReader("厚労省,,厚生労働省\n"), "test.txt"));
    assertEquals(
        "The synonyms file test.txt has an empty member at line 1: '厚労省,,厚生労働省'.", e.getMessage());
  }
}
