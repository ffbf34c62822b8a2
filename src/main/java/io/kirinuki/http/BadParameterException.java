package io.kirinuki.http;

/**
 * A query parameter the server refuses: answered 400, with one English sentence for the API and one
 * Japanese sentence for the search page.
 */
final class BadParameterException extends RuntimeException {
  private final String japaneseMessage;

  BadParameterException(String message, String japaneseMessage) {
    super(message);
    this.japaneseMessage = japaneseMessage;
  }

  /** The same problem said to a reader of the Japanese search page. */
  String japaneseMessage() {
    return japaneseMessage;
  }
}
