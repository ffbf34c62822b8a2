package io.kirinuki.corpus;

/** A file that cannot be read as a blog page; the message is the reason, one sentence. */
public final class UnreadableFileException extends Exception {
  private final String file;

  public UnreadableFileException(String file, String reason) {
    super(reason);
    this.file = file;
  }

  /** The file's display path, as the caller named it. */
  public String file() {
    return file;
  }
}
