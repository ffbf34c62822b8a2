package io.kirinuki.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before they reach a route (a malformed address, one too long
 * for the header buffer) in the API's error form, {@code {"status", "error"}}, instead of Jetty's
 * own HTML page; never with a stack trace.
 */
final class JettyErrorHandler extends ErrorHandler {

  JettyErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    byte[] body = Json.mapper().writeValueAsBytes(new Json.ApiError(code, sentence(code)));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** A 500 in the API's error form, for an Error that escaped a request on a Jetty thread. */
  static void writeInternalError(HttpServletResponse response) {
    try {
      if (response.isCommitted()) {
        return;
      }
      response.reset();
      response.setStatus(500);
      response.setContentType("application/json");
      response
          .getOutputStream()
          .write(
              Json.mapper()
                  .writeValueAsBytes(
                      new Json.ApiError(
                          500, "The server failed to answer; the cause is in its log.")));
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the answer is half written: nothing more can be said to it.
    }
  }

  static String sentence(int code) {
    return switch (code) {
      case 400 -> "The request could not be read: its address is malformed.";
      case 414 -> "The address is too long; shorten the query.";
      case 431 -> "The request headers are too large.";
      default -> "The request could not be answered (HTTP status " + code + ").";
    };
  }
}
