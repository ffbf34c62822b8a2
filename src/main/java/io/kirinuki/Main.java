package io.kirinuki;

import io.kirinuki.cli.KirinukiCommand;

/** Runs one kirinuki command and exits with its code: 0 success, 1 failure, 2 usage error. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(KirinukiCommand.commandLine(args).execute(args));
  }
}
