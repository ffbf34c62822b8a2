package io.kirinuki.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Query-time equivalence groups of abbreviations and full names ({@code 厚労省} = {@code 厚生労働省}) read
 * from the bundled {@code synonyms.txt}; immutable and thread-safe.
 */
public final class Synonyms {

  /** Classpath location of the synonym groups. */
  public static final String RESOURCE = "io/kirinuki/analysis/synonyms.txt";

  /** Normalised member → the groups that hold it; a group maps normalised → written member. */
  private final Map<String, List<Map<String, String>>> groupsByMember;

  private final int groupCount;

  private Synonyms(Map<String, List<Map<String, String>>> groupsByMember, int groupCount) {
    this.groupsByMember = groupsByMember;
    this.groupCount = groupCount;
  }

  /**
   * Reads the bundled groups; a missing or malformed file fails here, at startup, with an {@link
   * IllegalStateException} that names the line.
   */
  public static Synonyms load() {
    InputStream in = Synonyms.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(
          "The synonyms file " + RESOURCE + " is missing from the classpath.");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(reader, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  /** Reads groups from {@code reader}; {@code source} names it in error messages. */
  static Synonyms parse(Reader reader, String source) throws IOException {
    Map<String, List<Map<String, String>>> groupsByMember = new HashMap<>();
    BufferedReader lines = new BufferedReader(reader);
    String line;
    int number = 0;
    int groups = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      int comment = line.indexOf('#');
      String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
      if (content.isEmpty()) {
        continue;
      }
      Map<String, String> group = new LinkedHashMap<>();
      for (String member : content.split(",", -1)) {
        String written = member.strip();
        String normalized = Normalizer.normalize(written).strip();
        if (normalized.isEmpty()) {
          throw new IllegalStateException(
              String.format(
                  "The synonyms file %s has an empty member at line %d: '%s'.",
                  source, number, content));
        }
        group.putIfAbsent(normalized, written);
      }
      if (group.size() < 2) {
        throw new IllegalStateException(
            String.format(
                "The synonyms file %s has a group of one word at line %d: '%s'; a group needs"
                    + " two different words.",
                source, number, content));
      }
      Map<String, String> frozen = Collections.unmodifiableMap(group);
      for (String normalized : group.keySet()) {
        groupsByMember.computeIfAbsent(normalized, k -> new ArrayList<>()).add(frozen);
      }
      groups++;
    }
    return new Synonyms(Map.copyOf(groupsByMember), groups);
  }

  /**
   * The other members of the group(s) that hold {@code word}, as written in the file, in file
   * order; words are compared after {@link Normalizer#normalize}. Empty when the word is in none.
   */
  public Set<String> equivalents(String word) {
    String key = Normalizer.normalize(word).strip();
    List<Map<String, String>> groups = groupsByMember.get(key);
    if (groups == null) {
      return Set.of();
    }
    Set<String> others = new LinkedHashSet<>();
    for (Map<String, String> group : groups) {
      for (Map.Entry<String, String> member : group.entrySet()) {
        if (!member.getKey().equals(key)) {
          others.add(member.getValue());
        }
      }
    }
    return Collections.unmodifiableSet(others);
  }

  /** How many groups were read. */
  public int groupCount() {
    return groupCount;
  }
}
