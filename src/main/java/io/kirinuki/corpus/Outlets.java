package io.kirinuki.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The table of news outlets: canonical names ({@code 読売新聞}) and the aliases pages use for them
 * ({@code 読売}), read from the bundled {@code outlets.tsv} and an optional user table.
 */
public final class Outlets {
  static final String BUNDLED_TABLE = "outlets.tsv";

  /** Normalised alias or canonical name to canonical name. */
  private final Map<String, String> byKey;

  /** Canonical name to its aliases as written in the tables, in table order. */
  private final Map<String, List<String>> aliases;

  private final int maxKeyLength;

  /** The first characters of the keys. */
  private final BitSet keyStarts = new BitSet();

  private Outlets(Map<String, String> byKey, Map<String, List<String>> aliases) {
    this.byKey = Map.copyOf(byKey);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    aliases.forEach((canonical, list) -> copy.put(canonical, List.copyOf(list)));
    this.aliases = Collections.unmodifiableMap(copy);
    this.maxKeyLength = byKey.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (String key : byKey.keySet()) {
      keyStarts.set(key.charAt(0));
    }
  }

  /** The bundled table. */
  public static Outlets load() {
    Builder builder = new Builder();
    builder.add(readBundled(), BUNDLED_TABLE);
    return builder.build();
  }

  /**
   * The bundled table plus a user table in the same format, whose entries win over the bundled
   * ones.
   *
   * @throws UncheckedIOException when the user table cannot be read
   * @throws IllegalArgumentException when a line of the user table is malformed
   */
  public static Outlets load(Path userTable) {
    Builder builder = new Builder();
    builder.add(readBundled(), BUNDLED_TABLE);
    List<String> lines;
    try {
      lines = Files.readAllLines(userTable, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the outlet table " + userTable + ": " + SourceFiles.reason(e), e);
    }
    builder.add(lines, userTable.toString());
    return builder.build();
  }

  private static List<String> readBundled() {
    try (InputStream in = Outlets.class.getResourceAsStream(BUNDLED_TABLE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the bundled outlet table " + BUNDLED_TABLE + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The canonical name of an outlet as written ({@code 読売} → {@code 読売新聞}), or null. */
  public String canonical(String raw) {
    if (raw == null) {
      return null;
    }
    return byKey.get(key(raw));
  }

  /**
   * The canonical name for a search filter value that is an alias or a canonical name ({@code 読売}
   * and {@code 読売新聞} both give {@code 読売新聞}).
   */
  public Optional<String> resolve(String aliasOrCanonical) {
    return Optional.ofNullable(canonical(aliasOrCanonical));
  }

  /** Canonical name to its aliases (the canonical name itself not repeated), in table order. */
  public Map<String, List<String>> aliases() {
    return aliases;
  }

  /**
   * The end of the longest alias that starts {@code text} and is followed by the end of the text or
   * a separator (space, {@code /}, {@code |}, {@code (}...), or -1. Lets an outlet line like {@code
   * 総務省/ 自治体情報…} or {@code 秒刊SUNDAY | …} name its outlet.
   */
  int prefixEnd(String text) {
    int limit = Math.min(text.length(), maxKeyLength * 2);
    for (int end = limit; end > 0; end--) {
      if (end < text.length() && !isSeparator(text.charAt(end))) {
        continue;
      }
      if (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == '\u3000') {
        continue;
      }
      if (byKey.containsKey(key(text.substring(0, end)))) {
        return end;
      }
    }
    return -1;
  }

  /** The end of the longest alias that starts {@code text}, whatever follows it, or -1. */
  int longestPrefix(String text) {
    int limit = Math.min(text.length(), maxKeyLength * 2);
    for (int end = limit; end > 0; end--) {
      if (byKey.containsKey(key(text.substring(0, end)))) {
        return end;
      }
    }
    return -1;
  }

  /**
   * The canonical name of an outlet written with lost characters (U+FFFD), when exactly one outlet
   * fits with each lost character standing for one character; else null.
   */
  String canonicalIgnoringLost(String raw) {
    String k = key(raw);
    if (k.indexOf('\uFFFD') < 0) {
      return null;
    }
    String found = null;
    for (Map.Entry<String, String> e : byKey.entrySet()) {
      String alias = e.getKey();
      if (alias.length() != k.length()) {
        continue;
      }
      boolean fits = true;
      for (int i = 0; i < k.length() && fits; i++) {
        fits = k.charAt(i) == '\uFFFD' || k.charAt(i) == alias.charAt(i);
      }
      if (fits) {
        if (found != null && !found.equals(e.getValue())) {
          return null;
        }
        found = e.getValue();
      }
    }
    return found;
  }

  /**
   * The start of the longest alias that ends {@code text} and does not start at a space, or -1.
   * Finds the outlet glued to a headline ({@code …急がず考えて東京}).
   */
  int suffixStart(String text) {
    int from = Math.max(0, text.length() - maxKeyLength * 2);
    for (int start = from; start < text.length(); start++) {
      char c = text.charAt(start);
      if (Character.isWhitespace(c) || c == '\u3000' || !mayStartKey(c)) {
        continue;
      }
      if (byKey.containsKey(key(text.substring(start)))) {
        return start;
      }
    }
    return -1;
  }

  /**
   * Whether some key could start with this character: a cheap test that saves most key lookups.
   * Characters that NFKC may change are let through.
   */
  private boolean mayStartKey(char c) {
    if (c >= 'A' && c <= 'Z') {
      c = (char) (c + 32);
    }
    return c >= 0x80 && (c < '\u3041' || c > '\u9FFF') || keyStarts.get(c);
  }

  static boolean isSeparator(char c) {
    return Character.isWhitespace(c) || c == '\u3000' || "/／|｜(（)）:：=＝>＞,、".indexOf(c) >= 0;
  }

  /** Lookup key: NFKC, no spaces, lower case, so that width, case and spacing do not matter. */
  static String key(String s) {
    String fast = simpleKey(s);
    if (fast != null) {
      return fast;
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder b = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * The key of a string made only of characters NFKC leaves alone or maps one to one (ASCII, kana,
   * common kanji and punctuation, full-width ASCII, the ideographic space), without running the
   * normaliser; null for any other string. Keys are looked up for every candidate outlet.
   */
  private static String simpleKey(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char k;
      if (c < 0x80) {
        k = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      } else if (c >= '\uFF01' && c <= '\uFF5E') {
        k = (char) (c - 0xFEE0);
        k = k >= 'A' && k <= 'Z' ? (char) (k + 32) : k;
      } else if (c == '\u3000') {
        k = ' ';
      } else if ((c >= '\u3001' && c <= '\u3035')
          || (c >= '\u303B' && c <= '\u303F')
          || (c >= '\u3041' && c <= '\u3096')
          || (c >= '\u30A1' && c <= '\u30FA')
          || c == '\u30FB'
          || c == '\u30FC'
          || (c >= '\u4E00' && c <= '\u9FFF')) {
        k = c;
      } else {
        return null;
      }
      if (Character.isWhitespace(k)) {
        if (b == null) {
          b = new StringBuilder(s.length()).append(s, 0, i);
        }
        continue;
      }
      if (b != null) {
        b.append(k);
      } else if (k != c) {
        // Every character before this one was its own key.
        b = new StringBuilder(s.length()).append(s, 0, i).append(k);
      }
    }
    return b == null ? s : b.toString();
  }

  /** Collects table lines; a later alias of the same key replaces an earlier one. */
  private static final class Builder {
    private final Map<String, String> byKey = new HashMap<>();
    private final Map<String, List<String>> aliases = new LinkedHashMap<>();

    void add(List<String> lines, String source) {
      for (int n = 0; n < lines.size(); n++) {
        String line = lines.get(n).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] cells = lines.get(n).split("\t");
        String canonical = cells[0].strip();
        if (canonical.isEmpty() || key(canonical).isEmpty()) {
          throw new IllegalArgumentException(
              source + " line " + (n + 1) + ": the first column (the canonical name) is empty");
        }
        put(canonical, canonical);
        for (int i = 1; i < cells.length; i++) {
          String alias = cells[i].strip();
          if (!alias.isEmpty() && !key(alias).isEmpty()) {
            put(alias, canonical);
          }
        }
      }
    }

    private void put(String alias, String canonical) {
      String k = key(alias);
      String previous = byKey.put(k, canonical);
      if (previous != null && !previous.equals(canonical)) {
        aliases.get(previous).removeIf(a -> key(a).equals(k));
      }
      List<String> list = aliases.computeIfAbsent(canonical, c -> new ArrayList<>());
      if (!alias.equals(canonical) && list.stream().noneMatch(a -> key(a).equals(k))) {
        list.add(alias);
      }
    }

    Outlets build() {
      return new Outlets(byKey, aliases);
    }
  }
}
