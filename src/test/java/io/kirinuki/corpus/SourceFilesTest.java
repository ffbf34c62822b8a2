package io.kirinuki.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilesTest {
  @TempDir Path dir;
  private final List<String> skipped = new ArrayList<>();

  private Path file(String relative) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "x");
    return p;
  }

  private List<Path> list(Path... roots) {
    return SourceFiles.list(
        List.of(roots), (p, reason) -> skipped.add(dir.relativize(p) + ": " + reason));
  }

  @Test
  void walksFoldersForTxtFilesSortedLeavingHiddenOnesOut() throws IOException {
    Path b = file("site/2015/m_201510.txt");
    Path a = file("site/2015/e_0001.txt");
    Path c = file("site/2016/d_20160105.TXT");
    file("site/notes.md");
    file("site/.draft.txt");
    file("site/.git/objects.txt");

    assertEquals(List.of(a, b, c), list(dir.resolve("site")));
    assertEquals(List.of(), skipped);
  }

  @Test
  void takesAFileNamedDirectlyWhateverItsNameAndOnlyOnce() throws IOException {
    Path page = file("page.html");

    assertEquals(List.of(page), list(page, page, dir.resolve("./page.html")));
  }

  @Test
  void namesAMissingRootAndABrokenLinkWithAReason() throws IOException {
    Path link = dir.resolve("dangling.txt");
    Files.createSymbolicLink(link, dir.resolve("nowhere.txt"));
    Files.createDirectories(dir.resolve("folder"));
    Files.createSymbolicLink(dir.resolve("folder/dangling.txt"), dir.resolve("nowhere.txt"));

    List<Path> found = list(dir.resolve("missing.txt"), link, dir.resolve("folder"));

    assertEquals(List.of(), found);
    assertEquals(
        List.of(
            "missing.txt: no such file or folder",
            "dangling.txt: broken symbolic link",
            "folder/dangling.txt: broken symbolic link"),
        skipped);
  }

  @Test
  void reportsASymbolicLinkLoopInsteadOfFollowingIt() throws IOException {
    Path page = file("site/a/e_0001.txt");
    Files.createSymbolicLink(dir.resolve("site/a/loop"), dir.resolve("site"));

    assertEquals(List.of(page), list(dir.resolve("site")));
    assertEquals(List.of("site/a/loop: symbolic link loop"), skipped);
  }
}
