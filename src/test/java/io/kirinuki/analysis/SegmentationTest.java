package io.kirinuki.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every case of {@code analysis/segmentation.tsv} through the morph analyzer. */
class SegmentationTest {

  private static final String TABLE = "/analysis/segmentation.tsv";

  private static Analyzers analyzers;

  @BeforeAll
  static void load() {
    analyzers = Analyzers.load();
  }

  @AfterAll
  static void close() {
    analyzers.close();
  }

  /** One case of the table. */
  record Case(String section, int line, String input, String expected, String gloss) {}

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    try (var in = SegmentationTest.class.getResourceAsStream(TABLE);
        var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String section = "";
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        if (line.startsWith("## ")) {
          section = line.substring(3);
        } else if (!line.isEmpty() && !line.startsWith("#")) {
          String[] columns = line.split("\t", -1);
          if (columns.length != 3) {
            throw new IllegalStateException(TABLE + ":" + number + " needs 3 columns: " + line);
          }
          cases.add(new Case(section, number, columns[0], columns[1], columns[2]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  static Stream<Arguments> table() {
    return cases().stream()
        .map(c -> Arguments.of(c.section() + " / line " + c.line() + ": " + c.gloss(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void segmentsAsTheTableSays(String name, Case c) {
    TokenAssert.Analysis analysis = TokenAssert.analyze(analyzers.morph(), c.input());
    StringBuilder terms = new StringBuilder();
    for (TokenAssert.Tok tok : analysis.tokens()) {
      if (!terms.isEmpty()) {
        terms.append(tok.increment() == 0 ? "|" : " ");
      }
      terms.append(tok.term());
    }
    assertEquals(c.expected(), terms.toString(), c.input());
  }

  @Test
  void tableHasGlossedCasesInSectionsIncludingKnownWeaknesses() {
    List<Case> cases = cases();
    assertEquals(38, cases.size());
    assertTrue(cases.stream().allMatch(c -> !c.gloss().isBlank() && !c.section().isEmpty()));
    assertTrue(cases.stream().anyMatch(c -> c.section().startsWith("Known weaknesses")));
  }
}
