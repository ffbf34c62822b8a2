package io.kirinuki.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirinuki.analysis.Analyzers;
import io.kirinuki.analysis.MorphTokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis limit of indexing: how fast Kuromoji alone, in kirinuki's configuration, reads the
 * same title and body text that {@code kirinuki index} indexes, with 1 and 2 threads.
 *
 * <p>Not a test and not JMH: {@code .bench/run.sh} starts it in fresh JVMs (a JVM shared between
 * configurations let one JIT profile slow the next), over the documents file it wrote from {@code
 * kirinuki parse --json}. Configurations:
 *
 * <ul>
 *   <li>{@code tokenize}: {@code new JapaneseTokenizer(userDictionary, true, false, SEARCH)}, which
 *       is what {@code MorphAnalyzer.newTokenizer(userDictionary, false)} builds for indexing, over
 *       the raw text, every token consumed: the raw tokenizer limit.
 *   <li>{@code analysis}: everything kirinuki's analyzers do to one document before Lucene inverts
 *       it: {@link Analyzers#analyzeOnce} (normalisation, Kuromoji, ranking chain, readings) and
 *       the gram analyzer, for title and body.
 * </ul>
 *
 * <p>Usage: {@code TokenizerLimitBenchmark DOCS.jsonl [--configs tokenize,analysis] [--threads 1,2]
 * [--runs 3] [--warmup-mb 20]}; one JSON line per measured run on stdout. Throughput is over the
 * UTF-8 bytes of title and body (MB = 10^6 bytes).
 */
public final class TokenizerLimitBenchmark {
  /** Documents a worker takes at a time from the shared cursor. */
  private static final int CHUNK_DOCS = 64;

  private TokenizerLimitBenchmark() {}

  /** One title and body, as indexed. */
  record Text(String title, String body) {}

  /** One measured pass. */
  record Run(String config, int threads, double seconds, long bytes, int docs, long tokens) {}

  /** Reads one text and returns the number of tokens it made; one instance per thread. */
  interface Consumer {
    long consume(String text) throws IOException;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println(
          "usage: TokenizerLimitBenchmark DOCS.jsonl [--configs tokenize,analysis] [--threads 1,2]"
              + " [--runs 3] [--warmup-mb 20]");
      System.exit(2);
    }
    List<String> configs = List.of("tokenize");
    List<Integer> threads = List.of(1, 2);
    int runs = 3;
    double warmupMb = 20;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--configs" -> configs = List.of(args[++i].split(","));
        case "--threads" ->
            threads = List.of(args[++i].split(",")).stream().map(Integer::parseInt).toList();
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--warmup-mb" -> warmupMb = Double.parseDouble(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    List<Text> texts = read(Path.of(args[0]));
    List<Text> warmup = prefix(texts, (long) (warmupMb * 1e6));
    PrintStream out = System.out;
    try (Analyzers analyzers = Analyzers.load()) {
      UserDictionary userDictionary = userDictionary();
      for (String config : configs) {
        for (int n : threads) {
          measure(config, n, warmup, analyzers, userDictionary);
        }
        for (int run = 0; run < runs; run++) {
          for (int n : threads) {
            Run r = measure(config, n, texts, analyzers, userDictionary);
            out.printf(
                Locale.ROOT,
                "{\"config\":\"%s\",\"threads\":%d,\"seconds\":%.4f,\"bytes\":%d,\"docs\":%d,"
                    + "\"tokens\":%d,\"mb_per_s\":%.3f}%n",
                r.config(),
                r.threads(),
                r.seconds(),
                r.bytes(),
                r.docs(),
                r.tokens(),
                r.bytes() / 1e6 / r.seconds());
            out.flush();
          }
        }
      }
    }
  }

  private static Run measure(
      String config, int threads, List<Text> texts, Analyzers analyzers, UserDictionary dict)
      throws InterruptedException {
    // Consumers (and their dictionaries) are built before the clock starts.
    List<Consumer> consumers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      consumers.add(
          switch (config) {
            case "tokenize" -> new TokenizerConsumer(dict);
            case "analysis" -> new AnalysisConsumer(analyzers);
            default -> throw new IllegalArgumentException("unknown config " + config);
          });
    }
    AtomicInteger cursor = new AtomicInteger();
    AtomicLong tokens = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (Consumer consumer : consumers) {
      Thread worker =
          new Thread(
              () -> {
                long n = 0;
                try {
                  int from;
                  while ((from = cursor.getAndAdd(CHUNK_DOCS)) < texts.size()) {
                    for (int d = from; d < Math.min(texts.size(), from + CHUNK_DOCS); d++) {
                      n += consumer.consume(texts.get(d).title());
                      n += consumer.consume(texts.get(d).body());
                    }
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                tokens.addAndGet(n);
              });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Run(config, threads, seconds, bytes(texts), texts.size(), tokens.get());
  }

  /** Kuromoji exactly as kirinuki's morph fields configure it, with no char filter or filters. */
  private static final class TokenizerConsumer implements Consumer {
    private final JapaneseTokenizer tokenizer;
    private final CharTermAttribute term;

    TokenizerConsumer(UserDictionary dict) {
      // Same arguments as MorphAnalyzer.newTokenizer(userDictionary, false), used by analyzeOnce.
      tokenizer = new JapaneseTokenizer(dict, true, false, JapaneseTokenizer.Mode.SEARCH);
      term = tokenizer.addAttribute(CharTermAttribute.class);
    }

    @Override
    public long consume(String text) throws IOException {
      tokenizer.setReader(new StringReader(text));
      return drain(tokenizer, term);
    }
  }

  /** kirinuki's own per-document analysis: one Kuromoji pass for morph and reading, plus grams. */
  private static final class AnalysisConsumer implements Consumer {
    private final Analyzers analyzers;

    AnalysisConsumer(Analyzers analyzers) {
      this.analyzers = analyzers;
    }

    @Override
    public long consume(String text) throws IOException {
      MorphTokens tokens = analyzers.analyzeOnce(text);
      long n = drain(tokens.morph(), tokens.morph().addAttribute(CharTermAttribute.class));
      n += drain(tokens.reading(), tokens.reading().addAttribute(CharTermAttribute.class));
      try (TokenStream grams = analyzers.gram().tokenStream("body", text)) {
        n += drain(grams, grams.addAttribute(CharTermAttribute.class));
      }
      return n;
    }
  }

  private static long drain(TokenStream stream, CharTermAttribute term) throws IOException {
    long n = 0;
    stream.reset();
    while (stream.incrementToken()) {
      n += term.length() > 0 ? 1 : 0;
    }
    stream.end();
    stream.close();
    return n;
  }

  private static UserDictionary userDictionary() throws IOException {
    try (InputStream in =
        TokenizerLimitBenchmark.class
            .getClassLoader()
            .getResourceAsStream(Analyzers.USER_DICTIONARY_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(Analyzers.USER_DICTIONARY_RESOURCE + " is missing");
      }
      return UserDictionary.open(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  private static List<Text> read(Path docs) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Text> texts = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(docs, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode doc = json.readTree(line);
          texts.add(new Text(doc.path("title").asText(""), doc.path("body").asText("")));
        }
      }
    }
    return texts;
  }

  private static List<Text> prefix(List<Text> texts, long maxBytes) {
    List<Text> out = new ArrayList<>();
    long bytes = 0;
    for (Text t : texts) {
      if (bytes >= maxBytes) {
        break;
      }
      out.add(t);
      bytes += bytes(List.of(t));
    }
    return out;
  }

  private static long bytes(List<Text> texts) {
    long n = 0;
    for (Text t : texts) {
      n += t.title().getBytes(StandardCharsets.UTF_8).length;
      n += t.body().getBytes(StandardCharsets.UTF_8).length;
    }
    return n;
  }
}
