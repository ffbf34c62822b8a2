package io.kirinuki.corpus;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The page files named on a command line: files as given, folders walked recursively for {@code
 * *.txt} files (hidden files and folders left out), symbolic links followed.
 */
public final class SourceFiles {
  private SourceFiles() {}

  /** Page files inside folders end in this; files named directly may have any name. */
  static final String PAGE_SUFFIX = ".txt";

  /**
   * The files, each once, roots in the order given and each folder's files sorted by path. Missing
   * roots, broken links, link loops and unreadable entries go to {@code onSkip} with a reason;
   * nothing is thrown.
   */
  public static List<Path> list(List<Path> roots, BiConsumer<Path, String> onSkip) {
    List<Path> out = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        List<Path> found = new ArrayList<>();
        walk(root, found, onSkip);
        found.sort(Comparator.comparing(Path::toString));
        for (Path p : found) {
          addOnce(p, out, seen);
        }
      } else if (Files.isRegularFile(root)) {
        if (Files.isReadable(root)) {
          addOnce(root, out, seen);
        } else {
          onSkip.accept(root, "permission denied");
        }
      } else if (Files.isSymbolicLink(root)) {
        onSkip.accept(root, "broken symbolic link");
      } else if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        onSkip.accept(root, "no such file or folder");
      } else {
        onSkip.accept(root, "not a regular file or folder");
      }
    }
    return out;
  }

  private static void addOnce(Path p, List<Path> out, Set<Path> seen) {
    Path key;
    try {
      key = p.toRealPath();
    } catch (IOException e) {
      key = p.toAbsolutePath().normalize();
    }
    if (seen.add(key)) {
      out.add(p);
    }
  }

  private static void walk(Path root, List<Path> found, BiConsumer<Path, String> onSkip) {
    try {
      Files.walkFileTree(
          root,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(root) && hidden(dir)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (hidden(file)) {
                return FileVisitResult.CONTINUE;
              }
              if (attrs.isSymbolicLink()) {
                // With FOLLOW_LINKS, a link still seen as a link points nowhere.
                onSkip.accept(file, "broken symbolic link");
              } else if (attrs.isRegularFile() && isPage(file)) {
                if (Files.isReadable(file)) {
                  found.add(file);
                } else {
                  onSkip.accept(file, "permission denied");
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              onSkip.accept(file, reason(e));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      onSkip.accept(root, reason(e));
    }
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static boolean isPage(Path p) {
    return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(PAGE_SUFFIX);
  }

  /** One short reason for an I/O failure, without the path the caller prints anyway. */
  static String reason(IOException e) {
    if (e instanceof FileSystemLoopException) {
      return "symbolic link loop";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
