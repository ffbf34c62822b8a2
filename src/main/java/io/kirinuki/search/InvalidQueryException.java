package io.kirinuki.search;

/** A request the searcher refuses; the message is one sentence a person understands. */
public final class InvalidQueryException extends RuntimeException {
  public InvalidQueryException(String message) {
    super(message);
  }
}
