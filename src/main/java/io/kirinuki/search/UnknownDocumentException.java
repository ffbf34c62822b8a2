package io.kirinuki.search;

/** No document has the requested id. */
public final class UnknownDocumentException extends RuntimeException {
  public UnknownDocumentException(String id) {
    super("There is no document with the id " + id + ".");
  }
}
