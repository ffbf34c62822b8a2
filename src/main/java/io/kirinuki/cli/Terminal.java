package io.kirinuki.cli;

/** Whether the CLI talks to a person at a terminal (progress bars, colours) or to a program. */
final class Terminal {
  private Terminal() {}

  static boolean isInteractive() {
    // System.console() is non-null even when redirected since JDK 22; isTerminal() tells.
    return System.console() != null
        && System.console().isTerminal()
        && System.getenv("CI") == null;
  }
}
