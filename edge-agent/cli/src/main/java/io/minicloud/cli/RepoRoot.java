package io.minicloud.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the Minicloud source tree the demo and the test runner work in: the directory the launcher
 * passes ({@code -Dminicloud.home}), else the nearest parent of the working directory with {@code
 * mvnw} and {@code pom.xml}.
 */
final class RepoRoot {

  /** Exit code for a missing or wrong repository root: a usage error, like picocli's. */
  static final int EXIT_NO_ROOT = 2;

  private RepoRoot() {}

  /**
   * @param given the root from {@code --home} / {@code -Dminicloud.home}, or {@code null}
   * @param workDir where to start looking when none is given
   * @throws CliFailure when there is no usable root
   */
  static Path resolve(Path given, Path workDir) {
    if (given != null) {
      Path root = given.toAbsolutePath().normalize();
      if (!Files.isDirectory(root)) {
        throw new CliFailure(EXIT_NO_ROOT, "repository root " + root + " does not exist");
      }
      if (!isSourceTree(root)) {
        throw new CliFailure(
            EXIT_NO_ROOT,
            "repository root " + root + " is not a Minicloud source tree (no mvnw and pom.xml)");
      }
      return root;
    }
    for (Path dir = workDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (isSourceTree(dir)) {
        return dir;
      }
    }
    throw new CliFailure(
        EXIT_NO_ROOT,
        "cannot find the Minicloud source tree from "
            + workDir.toAbsolutePath()
            + "; run ./minicloud from the repository or pass --home <dir>");
  }

  private static boolean isSourceTree(Path dir) {
    return Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"));
  }
}
