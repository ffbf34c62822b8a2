package io.kirinuki.bench;

import io.kirinuki.analysis.Analyzers;
import io.kirinuki.analysis.MorphTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Analysis throughput on one thread: each analyzer, the single Kuromoji pass, and everything the
 * indexer runs per text, against a bare {@link JapaneseTokenizer} over the same texts in the same
 * run. Each operation analyses every text once; the {@code mb} counter is MB/s of UTF-8.
 *
 * <p>Run (not part of any test run):
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *     -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main \
 *     AnalyzerBenchmark [-jvmArgsAppend -Dkirinuki.bench.corpus=/tmp/corpus]
 * </pre>
 *
 * <p>On a shared machine, {@code java -Xms2g -Xmx2g -cp ... io.kirinuki.bench.AnalyzerBenchmark
 * [rounds]} runs the same workloads interleaved instead (see {@link #main}).
 *
 * <p>Texts: the two sample posts repeated to {@code kirinuki.bench.mb} (default 4) MB, or the UTF-8
 * files of a generated corpus ({@code kirinuki.bench.corpus}, see /work/shared/corpus/README.md) up
 * to that size.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
@State(Scope.Thread)
public class AnalyzerBenchmark {

  private static final String[] SEEDS = {"000_51f9795d2875bb88.txt", "002_3696a5037cc44fdd.txt"};

  private List<String> texts;
  private double megabytes;
  private Analyzers analyzers;
  private JapaneseTokenizer bareTokenizer;

  /** Megabytes analysed, reported by JMH per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Volume {
    public double mb;
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    long limit = (long) (Double.parseDouble(System.getProperty("kirinuki.bench.mb", "4")) * 1e6);
    String corpus = System.getProperty("kirinuki.bench.corpus");
    texts = corpus == null ? repeatedSeeds(limit) : corpusTexts(Path.of(corpus), limit);
    long bytes = 0;
    for (String text : texts) {
      bytes += text.getBytes(StandardCharsets.UTF_8).length;
    }
    megabytes = bytes / 1e6;
    System.out.printf(
        "%nTexts: %d, %.2f MB of UTF-8 (%s)%n",
        texts.size(), megabytes, corpus == null ? "the sample posts repeated" : corpus);
    analyzers = Analyzers.load();
    bareTokenizer = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.SEARCH);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    analyzers.close();
    bareTokenizer.close();
  }

  private static List<String> repeatedSeeds(long limit) throws IOException {
    List<String> seeds = new ArrayList<>();
    for (String name : SEEDS) {
      try (InputStream in =
          AnalyzerBenchmark.class.getResourceAsStream("/io/kirinuki/samples/" + name)) {
        seeds.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    List<String> texts = new ArrayList<>();
    long size = 0;
    for (int i = 0; size < limit; i++) {
      String text = seeds.get(i % seeds.size());
      texts.add(text);
      size += text.getBytes(StandardCharsets.UTF_8).length;
    }
    return texts;
  }

  private static List<String> corpusTexts(Path root, long limit) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    List<String> texts = new ArrayList<>();
    long size = 0;
    for (Path file : files) {
      if (size >= limit) {
        break;
      }
      byte[] bytes = Files.readAllBytes(file);
      try {
        // Shift_JIS files of the corpus are skipped: the indexer decodes them before analysis.
        String text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        texts.add(text);
        size += bytes.length;
      } catch (CharacterCodingException e) {
        continue;
      }
    }
    return texts;
  }

  private static void consume(TokenStream stream, Blackhole sink) throws IOException {
    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    try (stream) {
      stream.reset();
      while (stream.incrementToken()) {
        sink.consume(term.length());
      }
      stream.end();
    }
  }

  private void analyzeAll(Analyzer analyzer, Blackhole sink, Volume volume) throws IOException {
    for (String text : texts) {
      consume(analyzer.tokenStream("field", text), sink);
    }
    volume.mb += megabytes;
  }

  /** The limit: Kuromoji alone (search mode, default dictionary), no filters, no char filters. */
  @Benchmark
  public void bareJapaneseTokenizer(Blackhole sink, Volume volume) throws IOException {
    for (String text : texts) {
      bareTokenizer.setReader(new StringReader(text));
      consume(bareTokenizer, sink);
    }
    volume.mb += megabytes;
  }

  @Benchmark
  public void gram(Blackhole sink, Volume volume) throws IOException {
    analyzeAll(analyzers.gram(), sink, volume);
  }

  @Benchmark
  public void morph(Blackhole sink, Volume volume) throws IOException {
    analyzeAll(analyzers.morph(), sink, volume);
  }

  @Benchmark
  public void reading(Blackhole sink, Volume volume) throws IOException {
    analyzeAll(analyzers.reading(), sink, volume);
  }

  /** Morph and reading from one Kuromoji pass. */
  @Benchmark
  public void analyzeOnce(Blackhole sink, Volume volume) throws IOException {
    for (String text : texts) {
      MorphTokens tokens = analyzers.analyzeOnce(text);
      consume(tokens.morph(), sink);
      consume(tokens.reading(), sink);
    }
    volume.mb += megabytes;
  }

  /** What the indexer runs per text: the gram field plus the one-pass morph and reading. */
  @Benchmark
  public void allFields(Blackhole sink, Volume volume) throws IOException {
    for (String text : texts) {
      consume(analyzers.gram().tokenStream("field", text), sink);
      MorphTokens tokens = analyzers.analyzeOnce(text);
      consume(tokens.morph(), sink);
      consume(tokens.reading(), sink);
    }
    volume.mb += megabytes;
  }

  /** One of the measured workloads, as {@link #main} calls it. */
  private interface Workload {
    void run(Blackhole sink, Volume volume) throws IOException;
  }

  /**
   * The same workloads interleaved, for a shared machine where other jobs shift the figures of
   * JMH's one-benchmark-after-another runs: each round runs every workload once over all texts;
   * prints each workload's best MB/s over the rounds and its ratio to the bare tokenizer. Argument:
   * the number of rounds (default 10); the system properties above choose the texts.
   */
  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    AnalyzerBenchmark bench = new AnalyzerBenchmark();
    bench.setUp();
    Blackhole sink =
        new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is"
                + " dangerous.");
    String[] names = {
      "bareJapaneseTokenizer", "gram", "morph", "reading", "analyzeOnce", "allFields"
    };
    Workload[] workloads = {
      bench::bareJapaneseTokenizer,
      bench::gram,
      bench::morph,
      bench::reading,
      bench::analyzeOnce,
      bench::allFields
    };
    double[] best = new double[workloads.length];
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < workloads.length; i++) {
        long start = System.nanoTime();
        workloads[i].run(sink, new Volume());
        double seconds = (System.nanoTime() - start) / 1e9;
        best[i] = Math.max(best[i], bench.megabytes / seconds);
      }
    }
    System.out.printf("Best of %d interleaved rounds, 1 thread:%n", rounds);
    for (int i = 0; i < workloads.length; i++) {
      System.out.printf(
          "  %-22s %7.2f MB/s  %5.2f x bare tokenizer%n", names[i], best[i], best[i] / best[0]);
    }
    bench.tearDown();
  }
}
