package io.kirinuki.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option shared by every command that touches an index. */
final class IndexDirOption {
  static final String DEFAULT_INDEX_DIR = "index";

  @Option(
      names = "--index",
      paramLabel = "DIR",
      defaultValue = DEFAULT_INDEX_DIR,
      description = "Index folder (default: ${DEFAULT-VALUE}).")
  Path dir;
}
