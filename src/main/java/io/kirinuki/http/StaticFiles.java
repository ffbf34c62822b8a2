package io.kirinuki.http;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The search page's stylesheet, script and icon: a fixed set of files read from the jar once at
 * startup and served from memory under {@code /static/NAME}.
 *
 * <p>Nothing else is reachable: a name that is not one of these is a 404, whatever dots or slashes
 * it holds. Each answer carries an ETag and {@code Cache-Control: no-cache}, so a browser
 * revalidates on every use (a cheap 304) and a new jar never serves yesterday's CSS. Javalin's
 * static file handler did the same, but mounting the jar as a file system cost half a second of
 * every start.
 */
final class StaticFiles {
  static final String PATH = "/static/{name}";

  private static final String DIRECTORY = "/io/kirinuki/http/static/";

  private static final Map<String, String> TYPES =
      Map.of(
          "kirinuki.css", "text/css; charset=utf-8",
          "kirinuki.js", "text/javascript; charset=utf-8",
          "favicon.svg", "image/svg+xml");

  private final Map<String, File> files;

  private record File(byte[] bytes, String type, String etag) {}

  /** Reads every file now: a missing one fails the start, not a request. */
  StaticFiles() {
    java.util.HashMap<String, File> read = new java.util.HashMap<>();
    TYPES.forEach((name, type) -> read.put(name, read(name, type)));
    files = Map.copyOf(read);
  }

  void serve(Context ctx) {
    File file = files.get(ctx.pathParam("name"));
    if (file == null) {
      throw new NotFoundResponse();
    }
    ctx.header("Cache-Control", "no-cache");
    ctx.header("ETag", file.etag());
    if (file.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(file.type());
    ctx.result(file.bytes());
  }

  private static File read(String name, String type) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(DIRECTORY + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "The resource " + DIRECTORY + name + " is missing from the jar.");
      }
      byte[] bytes = in.readAllBytes();
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      return new File(bytes, type, "\"" + hash.substring(0, 20) + "\"");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + DIRECTORY + name, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
