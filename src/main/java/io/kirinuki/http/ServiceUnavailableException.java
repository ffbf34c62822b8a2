package io.kirinuki.http;

/**
 * The server cannot answer now (a search ran past its time limit, or too many are waiting): 503.
 */
final class ServiceUnavailableException extends RuntimeException {
  ServiceUnavailableException(String message) {
    super(message);
  }
}
