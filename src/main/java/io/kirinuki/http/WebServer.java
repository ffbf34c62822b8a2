package io.kirinuki.http;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.kirinuki.search.InvalidQueryException;
import io.kirinuki.search.Searcher;
import io.kirinuki.search.UnknownDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kirinuki web server: the JSON API under {@code /api} and the Japanese search pages, with
 * every route, error mapping and security header declared in one place ({@link #create}).
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  static final String OPENAPI_RESOURCE = "/io/kirinuki/http/openapi.json";

  /**
   * Room for a {@link io.kirinuki.search.SearchRequest#MAX_QUERY_LENGTH} query of Japanese text in
   * the URL (9 bytes per percent-encoded character), so that an overlong query reaches the parser
   * and gets its polite 400 instead of Jetty's bare 431.
   */
  static final int MAX_REQUEST_HEADER_BYTES = 64 * 1024;

  /** Searches that may run at once; more wait in a queue of {@link #SEARCH_QUEUE} places. */
  static final int SEARCH_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

  static final int SEARCH_QUEUE = 64;

  static final String JETTY_REFERENCES_PER_CACHE_LINE =
      "org.eclipse.jetty.util.referencesPerCacheLine";

  private static final String JETTY_CACHE_LINE_BYTES = "org.eclipse.jetty.util.cacheLineBytes";

  /** How long a stop waits for requests in flight: a search ends within its own time limit. */
  static final long STOP_TIMEOUT_MS = 20_000;

  /**
   * Content-Security-Policy of every answer: scripts and styles only from files of this server (no
   * inline script, no inline handlers), no framing, forms submit only here.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private static final String JA_INVALID_QUERY = "この検索語では検索できませんでした。語を変えるか、記号を減らしてお試しください。";
  private static final String JA_UNKNOWN_DOCUMENT = "この文書は見つかりませんでした。";
  private static final String JA_TOO_SLOW = "検索に時間がかかりすぎたため中断しました。条件を絞ってもう一度お試しください。";
  private static final String JA_NOT_FOUND = "お探しのページは見つかりませんでした。";
  private static final String JA_REFUSED = "このリクエストには応えられませんでした。";
  private static final String JA_FAILED = "サーバーで問題が起きました。時間をおいてもう一度お試しください。";

  /**
   * How {@code serve} is set up.
   *
   * @param host address to bind; the loopback address unless told otherwise
   * @param port TCP port; 0 picks a free one (tests)
   * @param refreshIntervalMs how often to look for a newer index commit
   * @param searchTimeoutMs how long a request waits for a search before it is answered 503
   */
  public record Settings(String host, int port, long refreshIntervalMs, long searchTimeoutMs) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;

    /** A commit by {@code kirinuki index} is served within two intervals (the contract: 2 s). */
    public static final long REFRESH_INTERVAL_MS = 1000;

    /** Well above the searcher's own time limit: a backstop, not the usual way a search ends. */
    public static final long SEARCH_TIMEOUT_MS = 15_000;

    public Settings {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("The host to listen on is empty.");
      }
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException(
            "The port must be between 0 and 65535, not " + port + ".");
      }
      if (refreshIntervalMs <= 0 || searchTimeoutMs <= 0) {
        throw new IllegalArgumentException("Intervals and time limits must be positive.");
      }
    }

    /** The given address with the default refresh interval and search time limit. */
    public Settings(String host, int port) {
      this(host, port, REFRESH_INTERVAL_MS, SEARCH_TIMEOUT_MS);
    }
  }

  private final Javalin app;
  private final IndexRefresher refresher;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final String url;

  private WebServer(Javalin app, IndexRefresher refresher, String url) {
    this.app = app;
    this.refresher = refresher;
    this.url = url;
  }

  /**
   * The unstarted server over {@code searcher}. Fails now, not on the first request, when the
   * templates or the OpenAPI document are missing from the classpath.
   */
  public static Javalin create(Searcher searcher, Settings settings) {
    return create(SearchService.of(searcher), settings);
  }

  static Javalin create(SearchService service, Settings settings) {
    tellJettyTheReferenceSize();
    byte[] openApi = resource(OPENAPI_RESOURCE);
    Templates templates = new Templates();
    SearchExecutor executor =
        new SearchExecutor(SEARCH_THREADS, SEARCH_QUEUE, settings.searchTimeoutMs());
    ApiController api = new ApiController(service, executor, openApi);
    PageController pages = new PageController(service, executor, templates);
    StaticFiles staticFiles = new StaticFiles();
    return Javalin.create(
        config -> {
          configureServer(config);
          config.events.serverStopped(executor::close);

          config.routes.before(WebServer::commonHeaders);
          config.routes.get("/api/search", api::search);
          config.routes.get("/api/documents/{id}", api::document);
          config.routes.get("/api/health", api::health);
          config.routes.get("/api/openapi.json", api::openApi);
          config.routes.options("/api/*", WebServer::corsPreflight);
          config.routes.get("/", pages::search);
          config.routes.get("/documents/{id}", pages::document);
          config.routes.get(StaticFiles.PATH, staticFiles::serve);

          // The one place an error becomes an answer (see fail()).
          config.routes.exception(
              BadParameterException.class,
              (e, ctx) -> fail(ctx, pages, 400, e.getMessage(), e.japaneseMessage()));
          config.routes.exception(
              InvalidQueryException.class,
              (e, ctx) -> fail(ctx, pages, 400, e.getMessage(), JA_INVALID_QUERY));
          config.routes.exception(
              UnknownDocumentException.class,
              (e, ctx) -> fail(ctx, pages, 404, e.getMessage(), JA_UNKNOWN_DOCUMENT));
          config.routes.exception(
              ServiceUnavailableException.class,
              (e, ctx) -> {
                ctx.header("Retry-After", "5");
                fail(ctx, pages, 503, e.getMessage(), JA_TOO_SLOW);
              });
          // Javalin's own refusals, such as its 404 for a route that does not exist.
          config.routes.exception(
              HttpResponseException.class,
              (e, ctx) -> {
                if (e.getStatus() == 404) {
                  fail(ctx, pages, 404, "There is no " + ctx.path() + " here.", JA_NOT_FOUND);
                } else {
                  String message = "The request was refused: " + e.getMessage() + ".";
                  fail(ctx, pages, e.getStatus(), message, JA_REFUSED);
                }
              });
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                String message = "The server failed to answer; the cause is in its log.";
                fail(ctx, pages, 500, message, JA_FAILED);
              });
        });
  }

  /**
   * Jetty pads its queues to the references that fit in a cache line, and to learn whether
   * references are compressed it starts the JVM's whole platform MBean server unless {@value
   * #JETTY_REFERENCES_PER_CACHE_LINE} is set: about 0.1 s of the start, on the way to the first
   * answer. The HotSpot diagnostic bean alone answers the same question; the figure set here is the
   * one Jetty would compute.
   */
  static void tellJettyTheReferenceSize() {
    if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
      int cacheLineBytes = Integer.getInteger(JETTY_CACHE_LINE_BYTES, 64);
      String compressed =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
              .getVMOption("UseCompressedOops")
              .getValue();
      int referenceBytes = Boolean.parseBoolean(compressed) ? 4 : 8;
      System.setProperty(
          JETTY_REFERENCES_PER_CACHE_LINE, String.valueOf(cacheLineBytes / referenceBytes));
    }
  }

  private static void configureServer(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.jsonMapper(new JavalinJackson(Json.mapper(), false));
    config.http.defaultContentType = "application/json";
    config.jetty.modifyHttpConfiguration(
        http -> {
          http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
          http.setSendServerVersion(false);
        });
    config.router.javaLangErrorHandler(
        (response, error) -> {
          LOG.error("A request failed with {}", error.toString(), error);
          JettyErrorHandler.writeInternalError(response);
        });
    config.jetty.modifyServer(
        server -> {
          server.setErrorHandler(new JettyErrorHandler());
          // On stop, refuse new requests and wait for the ones in flight (up to a limit).
          server.insertHandler(new GracefulHandler());
          server.setStopTimeout(STOP_TIMEOUT_MS);
        });
    config.jetty.modifyServletContextHandler(
        context -> context.setErrorHandler(new JettyErrorHandler()));
  }

  /** Starts the server and the index refresher; {@link #close()} stops both. */
  public static WebServer start(Searcher searcher, Settings settings) {
    return start(SearchService.of(searcher), settings);
  }

  /**
   * Starts listening while {@code opening} is still opening the searcher (requests wait for it),
   * which halves the time to the first answer: Jetty loads on one core, Lucene and Kuromoji on the
   * other.
   */
  public static WebServer start(CompletableFuture<Searcher> opening, Settings settings) {
    return start(SearchService.deferred(opening), settings);
  }

  private static WebServer start(SearchService service, Settings settings) {
    Javalin app = create(service, settings).start(settings.host(), settings.port());
    IndexRefresher refresher = new IndexRefresher(service, settings.refreshIntervalMs());
    String url = "http://" + hostForUrl(settings.host()) + ":" + app.port() + "/";
    return new WebServer(app, refresher, url);
  }

  /** The port the server listens on (the chosen one when started on port 0). */
  public int port() {
    return app.port();
  }

  /** The address of the search page, {@code http://127.0.0.1:7070/}. */
  public String url() {
    return url;
  }

  /** Blocks until {@link #close()} has stopped the server (from a shutdown hook, say). */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Stops taking requests, lets the ones in flight finish, and logs one line. */
  @Override
  public synchronized void close() {
    if (stopped.getCount() == 0) {
      return;
    }
    refresher.close();
    app.stop();
    LOG.info("Stopped serving on {}", url);
    stopped.countDown();
  }

  private static void commonHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Frame-Options", "DENY");
    if (isApi(ctx)) {
      // Open to every origin: the API is read-only and other apps call it from browsers.
      ctx.header("Access-Control-Allow-Origin", "*");
    }
  }

  private static void corsPreflight(Context ctx) {
    ctx.header("Access-Control-Allow-Methods", "GET, OPTIONS");
    ctx.header("Access-Control-Allow-Headers", "Accept, Content-Type");
    ctx.header("Access-Control-Max-Age", "86400");
    ctx.status(204);
  }

  private static boolean isApi(Context ctx) {
    String path = ctx.path();
    return path.equals("/api") || path.startsWith("/api/");
  }

  /**
   * The one place an error becomes an answer: JSON {@code {status, error}} under {@code /api}, the
   * search page with the reason for a refused search, an HTML error page elsewhere.
   */
  private static void fail(
      Context ctx, PageController pages, int status, String message, String japaneseMessage) {
    ctx.status(status);
    if (isApi(ctx)) {
      ctx.json(new Json.ApiError(status, message));
    } else if (status == 400 && ctx.path().equals("/")) {
      ctx.html(pages.failedSearch(ctx, japaneseMessage));
    } else {
      ctx.html(pages.error(status, errorTitle(status), japaneseMessage));
    }
  }

  private static String errorTitle(int status) {
    return switch (status) {
      case 400 -> "リクエストを読み取れませんでした";
      case 404 -> "ページが見つかりません";
      case 503 -> "ただいま混み合っています";
      default -> "エラーが発生しました";
    };
  }

  private static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The resource " + name + " is missing from the jar.");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the resource " + name, e);
    }
  }

  static String resourceText(String name) {
    return new String(resource(name), StandardCharsets.UTF_8);
  }
}
