package io.kirinuki.bench;

import io.kirinuki.analysis.Analyzers;
import io.kirinuki.analysis.Synonyms;
import io.kirinuki.search.QueryBuilder;
import io.kirinuki.search.QueryLanguage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the cost of turning a query string into a Lucene query ({@link QueryLanguage#parse} then
 * {@link QueryBuilder#build}), per kind of the benchmark query mix ({@code .bench/queries-v1.tsv}).
 *
 * <p>Each invocation builds the next query of the kind, cycling, so the score is the mean time of
 * one build over that kind's queries. Run from the repository root (the mix path is relative):
 * {@code java -cp target/test-classes:target/classes:DEPS org.openjdk.jmh.Main
 * QueryBuilderBenchmark}; {@code .bench/run.sh} does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QueryBuilderBenchmark {
  /** The versioned query mix, relative to the repository root. */
  @Param(".bench/queries-v1.tsv")
  public String mix;

  /** A kind of the mix (its first column), or {@code all}. */
  @Param({"all", "word", "char", "and2", "phrase", "sentence", "or", "not"})
  public String kind;

  private Analyzers analyzers;
  private QueryBuilder builder;
  private List<String> queries;
  private int next;

  @Setup
  public void setUp() throws IOException {
    analyzers = Analyzers.load();
    builder = new QueryBuilder(analyzers, Synonyms.load());
    queries = queries(Path.of(mix), kind);
    if (queries.isEmpty()) {
      throw new IllegalStateException("no queries of kind " + kind + " in " + mix);
    }
  }

  @TearDown
  public void tearDown() {
    analyzers.close();
  }

  @Benchmark
  public QueryBuilder.Queries build() {
    String q = queries.get(next);
    next = next + 1 == queries.size() ? 0 : next + 1;
    return builder.build(QueryLanguage.parse(q), List.of());
  }

  /** The non-empty {@code q} of every row of {@code kind} (or of every row for {@code all}). */
  static List<String> queries(Path mix, String kind) throws IOException {
    return Files.readAllLines(mix, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.startsWith("#") && !line.startsWith("kind\t"))
        .map(line -> line.split("\t", -1))
        .filter(row -> row.length > 1 && !row[1].isEmpty())
        .filter(row -> kind.equals("all") || row[0].equals(kind))
        .map(row -> row[1])
        .toList();
  }
}
