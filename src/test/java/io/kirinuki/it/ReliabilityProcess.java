package io.kirinuki.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built jar run as a separate process for the reliability tests: its stdout and stderr are read
 * line by line as they come, and a test waits for a line (an event the process announces), never
 * for a length of time.
 */
final class ReliabilityProcess implements AutoCloseable {
  /**
   * The longest a test waits for a line or an exit: not a timing assertion, a bound so that a hung
   * process fails the test instead of hanging the build (the shared 2-core machine is slow).
   */
  static final Duration PATIENCE = Duration.ofMinutes(10);

  private final Process process;
  private final String name;
  private final Stream out;
  private final Stream err;

  private ReliabilityProcess(Process process, String name) {
    this.process = process;
    this.name = name;
    this.out = new Stream(process.getInputStream(), name + "-out");
    this.err = new Stream(process.getErrorStream(), name + "-err");
  }

  /** The built jar, as failsafe passes it (system property {@code kirinuki.jar}). */
  static Path jar() {
    Path jar = Path.of(System.getProperty("kirinuki.jar", "target/kirinuki.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run `mvn package` first");
    }
    return jar;
  }

  /** The {@code java} of the JVM running the tests (JDK 25 under the README's command). */
  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** Starts {@code kirinuki ARGS...}. */
  static ReliabilityProcess start(String... args) throws IOException {
    return start(List.of(), List.of(), args);
  }

  /**
   * Starts {@code kirinuki ARGS...}.
   *
   * @param launcher words put before {@code java} (e.g. a command that drops privileges)
   * @param jvmOptions options for the JVM, e.g. {@code -Xmx1g}
   */
  static ReliabilityProcess start(List<String> launcher, List<String> jvmOptions, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(launcher);
    command.add(java());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    return new ReliabilityProcess(new ProcessBuilder(command).start(), args[0]);
  }

  /** Runs {@code kirinuki ARGS...} to its end. */
  static Result run(String... args) throws IOException, InterruptedException {
    return run(List.of(), List.of(), args);
  }

  /** Runs {@code kirinuki ARGS...} to its end, as {@link #start(List, List, String...)}. */
  static Result run(List<String> launcher, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    try (ReliabilityProcess process = start(launcher, jvmOptions, args)) {
      int code = process.waitFor();
      return new Result(code, process.out.all(), process.err.all());
    }
  }

  /** What a finished process printed and returned. */
  record Result(int exitCode, List<String> out, List<String> err) {
    String describe() {
      return "exit "
          + exitCode
          + "\nstdout:\n"
          + String.join("\n", out)
          + "\nstderr:\n"
          + String.join("\n", err);
    }
  }

  long pid() {
    return process.pid();
  }

  /** Waits for the next stdout line (after the last one a wait matched) that matches. */
  Matcher awaitOut(Pattern pattern) throws InterruptedException {
    return out.await(pattern, this);
  }

  /** Waits for the next stderr line (after the last one a wait matched) that matches. */
  Matcher awaitErr(Pattern pattern) throws InterruptedException {
    return err.await(pattern, this);
  }

  /** Every stdout line so far. */
  List<String> out() {
    return out.all();
  }

  /** Every stderr line so far. */
  List<String> err() {
    return err.all();
  }

  /** Waits for the process to end and for both streams to be read to their end. */
  int waitFor() throws InterruptedException {
    if (!process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(name + " did not end within " + PATIENCE + "\n" + describe());
    }
    out.awaitEnd();
    err.awaitEnd();
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no close, no commit. Waits for the process to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    waitFor();
  }

  /** SIGTERM (through the handle, so our ends of the pipes stay open); waits for the end. */
  int terminate() throws InterruptedException {
    process.toHandle().destroy();
    return waitFor();
  }

  String describe() {
    return "stdout:\n"
        + String.join("\n", out.all())
        + "\nstderr:\n"
        + String.join("\n", err.all());
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  /** One output stream of the process, read by its own thread into a list of lines. */
  private static final class Stream {
    private final List<String> lines = new ArrayList<>();
    private boolean ended;
    private int cursor;

    Stream(InputStream in, String threadName) {
      Thread.ofPlatform().daemon().name(threadName).start(() -> read(in));
    }

    private void read(InputStream in) {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          synchronized (this) {
            lines.add(line);
            notifyAll();
          }
        }
      } catch (IOException e) {
        // The pipe closed under us: the process is gone, which ends the stream too.
      }
      synchronized (this) {
        ended = true;
        notifyAll();
      }
    }

    synchronized Matcher await(Pattern pattern, ReliabilityProcess owner)
        throws InterruptedException {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (true) {
        while (cursor < lines.size()) {
          Matcher matcher = pattern.matcher(lines.get(cursor++));
          if (matcher.find()) {
            return matcher;
          }
        }
        long left = deadline - System.nanoTime();
        if (ended || left <= 0) {
          throw new AssertionError(
              "no line matching /"
                  + pattern
                  + "/ from "
                  + owner.name
                  + (ended ? " before its output ended" : " within " + PATIENCE)
                  + "\n"
                  + owner.describe());
        }
        // Woken by the reader thread at each new line or at the end of the stream.
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    synchronized void awaitEnd() throws InterruptedException {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (!ended) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("an output stream did not end within " + PATIENCE);
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    synchronized List<String> all() {
      return List.copyOf(lines);
    }
  }
}
