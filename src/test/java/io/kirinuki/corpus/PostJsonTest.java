package io.kirinuki.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostJsonTest {
  @Test
  void writesOneLineWithTheKeysInContractOrderAndIsoDates() {
    Article article =
        new Article("a-1", "見出し", "読売新聞", "読売", LocalDate.of(2015, 10, 3), null, "本文\n二行目");
    Post post =
        new Post(
            "p-1",
            "m_201510.txt",
            null,
            LocalDate.of(2015, 10, 13),
            "題",
            "論評",
            null,
            List.of(article),
            List.of("A warning."),
            List.of("m_201510.txt", "e_1.txt"));

    // Headline, body ("body / second line"), title, commentary: Japanese kept as it is.
    String expected =
        """
        {"id":"p-1","file":"m_201510.txt","url":null,"date":"2015-10-13","title":"題",\
        "commentary":"論評","comments":null,"articles":[{"id":"a-1","title":"見出し",\
        "outlet":"読売新聞","outletRaw":"読売","date":"2015-10-03","author":null,\
        "body":"本文\\n二行目"}],"warnings":["A warning."],\
        "sources":["m_201510.txt","e_1.txt"]}\
        """;
    assertEquals(expected, PostJson.toJson(post));
  }
}
