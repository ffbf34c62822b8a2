package io.kirinuki.analysis;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.util.CloseableThreadLocal;

/**
 * The project's analyzers, built once with the user dictionary loaded once: the one place that
 * makes analyzers, used alike at index and query time. All methods are thread-safe.
 */
public final class Analyzers implements Closeable {

  /** Classpath location of the Kuromoji user dictionary (Lucene's CSV user dictionary format). */
  public static final String USER_DICTIONARY_RESOURCE = "io/kirinuki/analysis/userdict.txt";

  private final UserDictionary userDictionary;
  private final GramAnalyzer gram;
  private final MorphAnalyzer morph;
  private final ReadingAnalyzer reading;
  private final CloseableThreadLocal<SinglePass> singlePasses = new CloseableThreadLocal<>();

  private Analyzers(UserDictionary userDictionary) {
    this.userDictionary = userDictionary;
    this.gram = new GramAnalyzer();
    this.morph = new MorphAnalyzer(userDictionary);
    this.reading = new ReadingAnalyzer(userDictionary);
  }

  /**
   * Builds the analyzers with the bundled user dictionary; a missing or malformed dictionary fails
   * here, at startup, with an {@link IllegalStateException} that names the line.
   */
  public static Analyzers load() {
    InputStream in = Analyzers.class.getClassLoader().getResourceAsStream(USER_DICTIONARY_RESOURCE);
    if (in == null) {
      throw new IllegalStateException(
          "The user dictionary " + USER_DICTIONARY_RESOURCE + " is missing from the classpath.");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return load(reader, USER_DICTIONARY_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + USER_DICTIONARY_RESOURCE, e);
    }
  }

  /** Builds the analyzers with the user dictionary read from {@code dictionary}. */
  static Analyzers load(Reader dictionary, String source) throws IOException {
    String text = readAll(dictionary);
    checkEntries(text, source);
    UserDictionary userDictionary;
    try {
      userDictionary = UserDictionary.open(new StringReader(text));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "The user dictionary " + source + " is malformed: " + e.getMessage(), e);
    }
    return new Analyzers(userDictionary);
  }

  /** The shared recall analyzer (unigrams and bigrams of the normalised text). */
  public GramAnalyzer gram() {
    return gram;
  }

  /** The shared ranking analyzer (Kuromoji words). */
  public MorphAnalyzer morph() {
    return morph;
  }

  /** The shared reading analyzer (bigrams of Kuromoji's katakana readings). */
  public ReadingAnalyzer reading() {
    return reading;
  }

  /** One analyzer that picks, per field, one of the analyzers given, else the default. */
  public Analyzer perField(Map<String, Analyzer> fieldAnalyzers, Analyzer defaultAnalyzer) {
    return new PerFieldAnalyzerWrapper(defaultAnalyzer, fieldAnalyzers);
  }

  /**
   * The morph and reading streams of {@code text} from one Kuromoji pass, for pre-analysed fields
   * ({@code new Field(name, tokens.morph(), type)}): the same tokens, positions and offsets as
   * {@link #morph()} and {@link #reading()} give for the same text, at the cost of one pass.
   */
  public MorphTokens analyzeOnce(String text) {
    SinglePass pass = singlePasses.get();
    if (pass == null) {
      pass = new SinglePass(userDictionary);
      singlePasses.set(pass);
    }
    try {
      pass.tokenizer.setReader(Normalizer.wrapForMorphology(new StringReader(text)));
      // Sized from the generated corpus (0.21 morph terms and 0.89 reading bigrams per character)
      // so that the arrays rarely grow; both outlive this call.
      CapturedTokens morphTokens =
          CapturedTokens.consume(
              pass.sink, new CapturedTokens(text.length() / 4, text.length() / 2));
      CapturedTokens readingTokens = new CapturedTokens(text.length(), 2 * text.length());
      pass.morphemes.readingGrams(readingTokens);
      readingTokens.setFinalOffset(morphTokens.finalOffset());
      return new MorphTokens(morphTokens.stream(), readingTokens.stream());
    } catch (IOException e) {
      throw new UncheckedIOException("Analysing a string cannot fail to read", e);
    }
  }

  @Override
  public void close() {
    singlePasses.close();
    gram.close();
    morph.close();
    reading.close();
  }

  /** One thread's Kuromoji pass: the morph chain, with a recorder of words for the readings. */
  private static final class SinglePass {
    final JapaneseTokenizer tokenizer;
    final Morphemes morphemes = new Morphemes();
    final TokenStream sink;

    SinglePass(UserDictionary userDictionary) {
      tokenizer = MorphAnalyzer.newTokenizer(userDictionary, false);
      sink = MorphAnalyzer.rankingChain(new MorphemeRecorder(tokenizer, morphemes));
    }
  }

  private static String readAll(Reader reader) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[4096];
    int n;
    while ((n = reader.read(buffer)) != -1) {
      text.append(buffer, 0, n);
    }
    return text.toString();
  }

  /**
   * Kuromoji reads normalised text, so an entry written otherwise (ＮＨＫ, upper case) could never
   * match; Lucene's parser would accept it silently, so it is refused here.
   */
  private static void checkEntries(String text, String source) throws IOException {
    BufferedReader lines = new BufferedReader(new StringReader(text));
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      String entry = line.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      String[] fields = entry.split(",", -1);
      if (fields.length != 4 || fields[0].isBlank()) {
        throw new IllegalStateException(
            String.format(
                "The user dictionary %s is malformed at line %d: expected"
                    + " 'surface,segmentation,readings,part of speech' but found '%s'.",
                source, number, entry));
      }
      String surface = fields[0];
      String normalized = Normalizer.normalizeForMorphology(surface);
      if (!normalized.equals(surface)) {
        throw new IllegalStateException(
            String.format(
                "The user dictionary %s has an entry at line %d that can never match: '%s' is"
                    + " read by Kuromoji as '%s'; write it that way.",
                source, number, surface, normalized));
      }
    }
  }
}
