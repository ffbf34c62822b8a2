package io.kirinuki.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar target/kirinuki.jar serve --port 0} as a separate process, the way a person runs
 * it: started on a free port read from its first line, stopped with SIGTERM.
 */
final class ServeProcess implements AutoCloseable {
  private static final Pattern LISTENING =
      Pattern.compile(
          "^kirinuki serve: (\\d+) documents from .* on (http://127\\.0\\.0\\.1:\\d+/)$");

  private final Process process;
  private final List<String> output = new ArrayList<>();
  private final CompletableFuture<Void> drained;
  private final String url;
  private final long documents;

  private ServeProcess(
      Process process, String url, long documents, CompletableFuture<Void> drained) {
    this.process = process;
    this.url = url;
    this.documents = documents;
    this.drained = drained;
  }

  /** The built jar, as failsafe passes it (system property {@code kirinuki.jar}). */
  static Path jar() {
    String jar = System.getProperty("kirinuki.jar", "target/kirinuki.jar");
    Path path = Path.of(jar);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(path + " is missing: run `mvn package` first.");
    }
    return path;
  }

  /** The {@code java} of the JVM running the tests (JDK 25 under the README's command). */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs one kirinuki command to its end; returns its combined output. */
  static Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("kirinuki " + String.join(" ", args) + " did not end");
    }
    return new Result(process.exitValue(), text);
  }

  /** What a finished command printed and returned. */
  record Result(int exitCode, String output) {}

  /** Starts {@code serve} over {@code indexDir} and waits for its line saying where it listens. */
  static ServeProcess start(Path indexDir) throws IOException {
    Process process =
        new ProcessBuilder(
                java(),
                "-jar",
                jar().toString(),
                "serve",
                "--index",
                indexDir.toString(),
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    CompletableFuture<Matcher> listening =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  synchronized (seen) {
                    seen.add(line);
                  }
                  Matcher matcher = LISTENING.matcher(line);
                  if (matcher.matches()) {
                    return matcher;
                  }
                }
                return null;
              } catch (IOException e) {
                return null;
              }
            });
    Matcher matcher;
    try {
      // Indexing the samples and starting Jetty take seconds; two minutes is for a loaded machine.
      matcher = listening.get(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      matcher = null;
    }
    if (matcher == null) {
      process.destroyForcibly();
      synchronized (seen) {
        throw new IllegalStateException(
            "serve did not start; it printed:\n" + String.join("\n", seen));
      }
    }
    CompletableFuture<Void> drained = new CompletableFuture<>();
    ServeProcess server =
        new ServeProcess(process, matcher.group(2), Long.parseLong(matcher.group(1)), drained);
    synchronized (seen) {
      server.output.addAll(seen);
    }
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  synchronized (server.output) {
                    server.output.add(line);
                  }
                }
              } catch (IOException e) {
                // the process is gone
              }
              drained.complete(null);
            });
    return server;
  }

  /** {@code http://127.0.0.1:PORT/}. */
  String url() {
    return url;
  }

  /** Documents served at startup, as the first line says. */
  long documents() {
    return documents;
  }

  /** Everything printed so far, one line per entry. */
  List<String> output() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /** Sends SIGTERM and waits for the process to end; returns its exit code. */
  int terminate() throws Exception {
    // Through the handle: Process.destroy() would also close our end of the output pipe, and the
    // lines printed during shutdown would be lost.
    process.toHandle().destroy();
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("serve did not stop within a minute of SIGTERM");
    }
    drained.get(1, TimeUnit.MINUTES);
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
