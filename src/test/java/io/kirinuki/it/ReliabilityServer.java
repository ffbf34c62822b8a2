package io.kirinuki.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kirinuki serve --port 0} as a separate process for the reliability tests, with an HTTP
 * client bound to it: well-formed requests go through {@link HttpClient}, hostile ones (malformed
 * escapes, dot segments, oversized headers) byte for byte over a socket.
 */
final class ReliabilityServer implements AutoCloseable {
  /**
   * Every answer must come within this bound (issue 7: "every answer within a bound"). Generous on
   * purpose: the searcher itself stops at 5 s, and the test machine is shared and slow.
   */
  static final Duration ANSWER_BOUND = Duration.ofSeconds(10);

  private static final Pattern LISTENING =
      Pattern.compile(
          "^kirinuki serve: (\\d+) documents from .* on (http://127\\.0\\.0\\.1:(\\d+)/)$");

  /** The line the server logs when it switches to a newer commit. */
  static final Pattern REFRESHED =
      Pattern.compile("Serving a newer index commit: (\\d+) documents");

  private final ReliabilityProcess process;
  private final String url;
  private final int port;
  private final long documents;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(ANSWER_BOUND)
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private ReliabilityServer(ReliabilityProcess process, Matcher listening) {
    this.process = process;
    this.documents = Long.parseLong(listening.group(1));
    this.url = listening.group(2);
    this.port = Integer.parseInt(listening.group(3));
  }

  /** Starts {@code serve} over {@code index} and waits for its line saying where it listens. */
  static ReliabilityServer start(Path index) throws IOException, InterruptedException {
    ReliabilityProcess process =
        ReliabilityProcess.start("serve", "--index", index.toString(), "--port", "0");
    try {
      return new ReliabilityServer(process, process.awaitOut(LISTENING));
    } catch (AssertionError | RuntimeException e) {
      process.close();
      throw e;
    }
  }

  ReliabilityProcess process() {
    return process;
  }

  /** Documents served at startup, as the first line says. */
  long documents() {
    return documents;
  }

  /** Waits for the server to log that it serves a newer commit; returns its document count. */
  long awaitRefresh() throws InterruptedException {
    return Long.parseLong(process.awaitErr(REFRESHED).group(1));
  }

  /** GET of a path with its query already encoded, e.g. {@code /api/search?q=%E5%8F%96}. */
  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + pathAndQuery.substring(1)))
            .timeout(ANSWER_BOUND)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A path with the given query parameters, each encoded (in order; null values left out). */
  static String withQuery(String path, Map<String, String> parameters) {
    StringJoiner query = new StringJoiner("&", path + "?", "");
    query.setEmptyValue(path);
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
          }
        });
    return query.toString();
  }

  /** One parameter, encoded: {@code /api/search?q=...}. */
  static String withQuery(String path, String name, String value) {
    Map<String, String> one = new LinkedHashMap<>();
    one.put(name, value);
    return withQuery(path, one);
  }

  /** An answer read off a socket. */
  record RawAnswer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Sends {@code GET target} exactly as given (no encoding, no normalisation), with the extra
   * header lines given, and reads the whole answer.
   */
  RawAnswer raw(String target, String... headerLines) throws IOException {
    StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\n");
    request.append("Host: 127.0.0.1:").append(port).append("\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    return rawRequest(request.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Sends the bytes as they are and reads the whole answer (the server closes afterwards). */
  RawAnswer rawRequest(byte[] request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), (int) ANSWER_BOUND.toMillis());
      socket.setSoTimeout((int) ANSWER_BOUND.toMillis());
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // The server may answer and close before reading all of an oversized request.
      }
      return parse(readAll(socket.getInputStream()));
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes.write(buffer, 0, n);
      }
    } catch (java.net.SocketException e) {
      // A reset after the answer (the server closed with unread request bytes): keep what came.
      if (bytes.size() == 0) {
        throw e;
      }
    }
    return bytes.toByteArray();
  }

  private static RawAnswer parse(byte[] bytes) throws IOException {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      throw new IOException("no complete HTTP answer: " + text);
    }
    String[] head = text.substring(0, headEnd).split("\r\n");
    int status = Integer.parseInt(head[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      headers.put(
          head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          head[i].substring(colon + 1).strip());
    }
    byte[] body = java.util.Arrays.copyOfRange(bytes, headEnd + 4, bytes.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new RawAnswer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < body.length) {
      int lineEnd = i;
      while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String sizeText = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0];
      int size = Integer.parseInt(sizeText.strip(), 16);
      if (size == 0) {
        break;
      }
      out.write(body, lineEnd + 2, size);
      i = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  /** SIGTERM, and waits for the process to end. */
  int stop() throws InterruptedException {
    return process.terminate();
  }

  @Override
  public void close() {
    process.close();
  }
}
