import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * In-process A/B of kirinuki builds over one index and the query mix: each jar is loaded in its own
 * class loader, and every query runs on every build in turn (the order rotating), so that the
 * machine's drift hits all builds alike. Prints per build the sum over queries of each query's
 * median time, per kind of query, any query whose total differs from the first build's, and how
 * many give other facets, hits or snippets ({@code -Ddiff=true} prints them). {@code -Dtsv=FILE}
 * writes every query's median per build.
 *
 * <pre>
 * JDK=/usr/lib/jvm/temurin-25-jdk-amd64/bin
 * cp target/kirinuki.jar /tmp/a.jar   # one build; then change, mvn package, and:
 * $JDK/java -Xmx2g .bench/AB.java /tmp/kirinuki-bench/data/100m/index-t1 .bench/queries-v1.tsv 15 \
 *     /tmp/a.jar target/kirinuki.jar
 * </pre>
 *
 * Rounds: 15 at 100 MB take about a minute; 5 at 1 GB about two. {@code -Dtop=N} also lists each
 * build's N slowest queries. A build given as {@code JAR@INDEX} searches that index instead (the
 * same documents, written by another build).
 */
public class AB {
  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      if (!line.startsWith("#") && !line.startsWith("kind\t")) {
        rows.add(line.split("\t", -1)); // kind q type outlet from to sort df
      }
    }
    int rounds = Integer.parseInt(args[2]);
    List<Build> builds = new ArrayList<>();
    for (int j = 3; j < args.length; j++) {
      // JAR@INDEX: this build searches its own index (say, one its codec wrote).
      String[] jarAt = args[j].split("@", 2);
      builds.add(
          new Build(Path.of(jarAt[0]), jarAt.length > 1 ? Path.of(jarAt[1]) : index, rows));
    }
    int n = builds.size();
    long[][][] nanos = new long[n][rows.size()][rounds];
    long[][] totals = new long[n][rows.size()];
    String[][] answers = new String[n][rows.size()];
    for (int round = -2; round < rounds; round++) { // two rounds of warm-up
      for (int i = 0; i < rows.size(); i++) {
        for (int k = 0; k < n; k++) {
          int j = Math.floorMod(round + i + k, n);
          long started = System.nanoTime();
          Object result = builds.get(j).search(i);
          long elapsed = System.nanoTime() - started;
          if (round >= 0) {
            nanos[j][i][round] = elapsed;
            totals[j][i] = builds.get(j).total(result);
            answers[j][i] = builds.get(j).answer(result);
          }
        }
      }
    }
    List<String> tsv = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      double sum = 0;
      Map<String, Double> kinds = new TreeMap<>();
      double[] medians = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        long[] times = nanos[j][i].clone();
        Arrays.sort(times);
        medians[i] = times[rounds / 2] / 1e6;
        sum += medians[i];
        kinds.merge(rows.get(i)[0], medians[i], Double::sum);
      }
      StringBuilder line = new StringBuilder(String.format("%-24s %8.1f ms  ", args[3 + j], sum));
      kinds.forEach((kind, ms) -> line.append(String.format("%s %.0f  ", kind, ms)));
      System.out.println(line);
      // -Dtop=N: the build's N slowest queries, by median.
      int[] order = IntStream.range(0, rows.size()).boxed()
          .sorted((a, b) -> Double.compare(medians[b], medians[a]))
          .mapToInt(Integer::intValue).toArray();
      for (int i = 0; i < Math.min(Integer.getInteger("top", 0), order.length); i++) {
        String[] row = rows.get(order[i]);
        System.out.printf("  %7.2f ms  %-8s %s %s%n", medians[order[i]], row[0], row[1],
            String.join(" ", Arrays.copyOfRange(row, 2, 7)).trim());
      }
      // -Dtsv=FILE: one line per query and build: build, kind, query, total, median ms.
      for (int i = 0; i < rows.size(); i++) {
        tsv.add(String.join("\t", args[3 + j], rows.get(i)[0],
            String.join(" ", Arrays.copyOfRange(rows.get(i), 1, 7)).trim(),
            Long.toString(totals[j][i]), String.format("%.3f", medians[i])));
      }
      int differing = 0;
      for (int i = 0; i < rows.size(); i++) {
        if (totals[j][i] != totals[0][i]) {
          System.out.println("  total differs: " + rows.get(i)[1] + " " + totals[0][i] + " vs " + totals[j][i]);
        } else if (!answers[j][i].equals(answers[0][i])) {
          differing++;
          if (Boolean.getBoolean("diff")) {
            System.out.println("  answer differs: " + rows.get(i)[1] + "\n    " + answers[0][i] + "\n    " + answers[j][i]);
          }
        }
      }
      if (differing > 0) {
        System.out.println("  " + differing + " queries with the same total but other facets, hits or"
            + " snippets than the first build (-Ddiff=true lists them)");
      }
    }
    if (System.getProperty("tsv") != null) {
      Files.write(Path.of(System.getProperty("tsv")), tsv);
    }
    System.exit(0);
  }

  /** One jar's Searcher over the index, with the mix's requests made by its own classes. */
  static final class Build {
    final Object searcher;
    final Method search;
    final Method total;
    final Method facets;
    final Method hits;
    final List<Object> requests = new ArrayList<>();

    @SuppressWarnings({"unchecked", "rawtypes"})
    Build(Path jar, Path index, List<String[]> rows) throws Exception {
      ClassLoader loader =
          new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> searcherClass = loader.loadClass("io.kirinuki.search.Searcher");
      Class<?> requestClass = loader.loadClass("io.kirinuki.search.SearchRequest");
      Class docType = loader.loadClass("io.kirinuki.search.SearchRequest$DocType");
      Class sort = loader.loadClass("io.kirinuki.search.SearchRequest$Sort");
      searcher = searcherClass.getMethod("open", Path.class).invoke(null, index);
      search = searcherClass.getMethod("search", requestClass);
      Class<?> result = loader.loadClass("io.kirinuki.search.SearchResult");
      total = result.getMethod("total");
      facets = result.getMethod("facets");
      hits = result.getMethod("hits");
      Constructor<?> make = requestClass.getConstructors()[0];
      for (String[] r : rows) {
        requests.add(
            make.newInstance(
                r[1],
                r[2].isEmpty() ? null : Enum.valueOf(docType, r[2].toUpperCase()),
                r[3].isEmpty() ? null : r[3],
                r[4].isEmpty() ? null : LocalDate.parse(r[4]),
                r[5].isEmpty() ? null : LocalDate.parse(r[5]),
                Enum.valueOf(sort, r[6].isEmpty() ? "RELEVANCE" : r[6].toUpperCase()),
                1,
                10));
      }
    }

    Object search(int i) throws Exception {
      return search.invoke(searcher, requests.get(i));
    }

    long total(Object result) throws Exception {
      return (long) total.invoke(result);
    }

    /** What a user sees of the result, but the time it took: facets, then each hit as a record. */
    String answer(Object result) throws Exception {
      return facets.invoke(result) + " " + hits.invoke(result);
    }
  }
}
