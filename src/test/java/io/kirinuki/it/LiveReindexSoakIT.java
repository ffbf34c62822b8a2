package io.kirinuki.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live reindexing under load (issue 7): for at least {@link #SOAK} eight clients search a running
 * {@code kirinuki serve} while {@code kirinuki index --prune} adds, changes and deletes files in
 * another process. No request fails, and every answer shows exactly the documents of one commit,
 * never a half-applied run.
 *
 * <p>Each file holds one post quoting one article; both carry the file's marker {@code S012G0003W}
 * (file 12, written at generation 3) and the word 耐久試験 (endurance test) that every document shares.
 * The test knows the set of markers each run commits; an answer's markers must equal one of those
 * sets, each marker found twice (post and article).
 */
@Tag("slow")
class LiveReindexSoakIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MARKER = Pattern.compile("S\\d{3}G\\d{4}W");

  /** Shortest soak, as the issue asks; the run goes on until a generation ends after it. */
  static final Duration SOAK = Duration.ofSeconds(60);

  static final int CLIENTS = 8;

  /** Files at the start; changes keep the count near it, below 50 (100 documents, one page). */
  static final int FILES = 30;

  /** The word every document holds: 耐久試験 (endurance test). */
  static final String SHARED_WORD = "耐久試験";

  @TempDir Path work;

  private static String marker(int file, int generation) {
    return String.format(Locale.ROOT, "S%03dG%04dW", file, generation);
  }

  /**
   * A page in the blog's layout: commentary ("record of the endurance test ...; the next article is
   * saved"), one quoted article ("endurance test article", Yomiuri, its body), footer.
   */
  private static String page(String marker) {
    return """
    てらまち・ねっと



     耐久試験の記録 %1$s です。次の記事を保存する。

    ●耐久試験の記事 %1$s
          読売 2015年10月13日
     耐久試験の本文 %1$s が続く。

    コメント ( 0 ) | Trackback ( )\
    """
        .formatted(marker);
  }

  @Test
  void eightClientsSeeOnlyWholeCommitsWhileIndexAddsChangesAndPrunesFiles() throws Exception {
    Path pages = Files.createDirectories(work.resolve("pages"));
    Path index = work.resolve("index");
    Random random = new Random(31);
    Map<Integer, Integer> present = new TreeMap<>(); // file -> generation it was written at
    for (int file = 0; file < FILES; file++) {
      write(pages, file, 0, present);
    }
    List<Set<String>> committed = new CopyOnWriteArrayList<>();
    runIndex(index, pages);
    committed.add(markers(present));

    Map<Integer, Integer> statesSeen = new ConcurrentHashMap<>();
    AtomicInteger answers = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    try (ReliabilityServer server = ReliabilityServer.start(index)) {
      assertEquals(2L * FILES, server.documents());
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        long clientSeed = 100 + c;
        running.add(
            clients.submit(
                () -> {
                  Random mine = new Random(clientSeed);
                  while (!stop.get()) {
                    int state = ask(server, mine.nextInt(4), committed);
                    if (state >= 0) {
                      statesSeen.merge(state, 1, Integer::sum);
                    }
                    answers.incrementAndGet();
                  }
                  return null;
                }));
      }
      long started = System.nanoTime();
      int nextFile = FILES;
      try {
        for (int generation = 1;
            generation < 5 || System.nanoTime() - started < SOAK.toNanos();
            generation++) {
          List<Integer> files = new ArrayList<>(present.keySet());
          for (int i = 0; i < 5; i++) {
            write(pages, files.get(random.nextInt(files.size())), generation, present);
          }
          for (int i = 0; i < 2 && present.size() > FILES - 10; i++) {
            int gone = files.get(random.nextInt(files.size()));
            if (present.remove(gone) != null) {
              Files.delete(pages.resolve(fileName(gone)));
            }
          }
          for (int i = random.nextInt(3); i > 0 && present.size() < 45; i--) {
            write(pages, nextFile++, generation, present);
          }
          // The state is announced before the run that commits it: a client may see it at once.
          committed.add(markers(present));
          runIndex(index, pages);
          for (Future<?> client : running) {
            if (client.isDone()) {
              client.get(); // a failed client ends the soak with its failure
            }
          }
        }
        Set<String> last = committed.get(committed.size() - 1);
        while (!currentMarkers(server).equals(last)) {
          server.awaitRefresh();
        }
      } finally {
        stop.set(true);
        for (Future<?> client : running) {
          client.get();
        }
        clients.shutdownNow();
      }
      server.stop();
    }
    System.out.printf(
        "LiveReindexSoakIT: %d answers, %d commits, states seen %s%n",
        answers.get(), committed.size(), statesSeen);
    assertTrue(statesSeen.size() >= 3, "the clients saw the index change: " + statesSeen);
  }

  private static String fileName(int file) {
    return String.format(Locale.ROOT, "f%03d.txt", file);
  }

  private static void write(Path pages, int file, int generation, Map<Integer, Integer> present)
      throws Exception {
    Files.writeString(pages.resolve(fileName(file)), page(marker(file, generation)));
    present.put(file, generation);
  }

  private static Set<String> markers(Map<Integer, Integer> present) {
    Set<String> markers = new TreeSet<>();
    present.forEach((file, generation) -> markers.add(marker(file, generation)));
    return markers;
  }

  private static void runIndex(Path index, Path pages) throws Exception {
    ReliabilityProcess.Result run =
        ReliabilityProcess.run("index", "--prune", "--index", index.toString(), pages.toString());
    assertEquals(0, run.exitCode(), run.describe());
  }

  private static Set<String> currentMarkers(ReliabilityServer server) throws Exception {
    JsonNode body = search(server, null);
    Set<String> markers = new TreeSet<>();
    for (JsonNode hit : body.get("hits")) {
      Matcher matcher = MARKER.matcher(hit.get("title").asText());
      assertTrue(matcher.find(), hit.toString());
      markers.add(matcher.group());
    }
    return markers;
  }

  private static JsonNode search(ReliabilityServer server, String type) throws Exception {
    Map<String, String> query = new HashMap<>();
    query.put("q", SHARED_WORD);
    query.put("size", "100");
    query.put("type", type);
    HttpResponse<String> answer = server.get(ReliabilityServer.withQuery("/api/search", query));
    assertEquals(200, answer.statusCode(), answer.body());
    return JSON.readTree(answer.body());
  }

  /**
   * One request of a client; asserts it succeeded and matches a committed state.
   *
   * @return the index of the committed state it showed, or -1 when it shows no set of markers
   */
  private static int ask(ReliabilityServer server, int kind, List<Set<String>> committed)
      throws Exception {
    return switch (kind) {
      case 0, 1 -> {
        String type = kind == 0 ? null : "post";
        int perMarker = kind == 0 ? 2 : 1;
        JsonNode body = search(server, type);
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode hit : body.get("hits")) {
          Matcher matcher = MARKER.matcher(hit.get("title").asText());
          assertTrue(matcher.find(), hit.toString());
          counts.merge(matcher.group(), 1, Integer::sum);
        }
        assertEquals(body.get("total").asInt(), body.get("hits").size(), body.toString());
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
          assertEquals(perMarker, count.getValue(), "documents of " + count.getKey() + ": " + body);
        }
        yield stateOf(counts.keySet(), committed, body.toString());
      }
      case 2 -> {
        HttpResponse<String> health = server.get("/api/health");
        assertEquals(200, health.statusCode(), health.body());
        long documents = JSON.readTree(health.body()).get("documents").asLong();
        boolean known = committed.stream().anyMatch(state -> 2L * state.size() == documents);
        assertTrue(known, "health says " + documents + " documents");
        yield -1;
      }
      default -> {
        HttpResponse<String> page = server.get(ReliabilityServer.withQuery("/", "q", SHARED_WORD));
        assertEquals(200, page.statusCode(), page.body());
        yield -1;
      }
    };
  }

  private static int stateOf(Set<String> markers, List<Set<String>> committed, String answer) {
    for (int i = committed.size() - 1; i >= 0; i--) {
      if (committed.get(i).equals(markers)) {
        return i;
      }
    }
    throw new AssertionError("an answer matches no committed state: " + markers + "\n" + answer);
  }
}
