package io.kirinuki.cli;

import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns a failed command into one line on stderr and exit code 1 (a stack trace with --verbose). */
final class ErrorHandler implements IExecutionExceptionHandler {
  private final BooleanSupplier verbose;

  ErrorHandler(BooleanSupplier verbose) {
    this.verbose = verbose;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    if (verbose.getAsBoolean()) {
      e.printStackTrace(cmd.getErr());
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    cmd.getErr().println("kirinuki " + cmd.getCommandName() + ": " + message.strip());
    cmd.getErr().flush();
    return 1;
  }
}
