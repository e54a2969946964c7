package io.minicloud.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a command the way a shell does: a path as given, else the first match on PATH. */
final class ExecutableLookup {

  private final String searchPath;

  /**
   * @param searchPath a PATH-style list of directories (may be null or empty)
   */
  ExecutableLookup(String searchPath) {
    this.searchPath = searchPath == null ? "" : searchPath;
  }

  static ExecutableLookup fromEnvironment() {
    return new ExecutableLookup(System.getenv("PATH"));
  }

  Optional<Path> find(String command) {
    try {
      if (command.contains(File.separator)) {
        return executable(Path.of(command));
      }
      for (String dir : searchPath.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          Optional<Path> found = executable(Path.of(dir, command));
          if (found.isPresent()) {
            return found;
          }
        }
      }
    } catch (InvalidPathException e) {
      // A PATH entry or command that cannot be a path cannot be executed either.
    }
    return Optional.empty();
  }

  private static Optional<Path> executable(Path candidate) {
    return Files.isRegularFile(candidate) && Files.isExecutable(candidate)
        ? Optional.of(candidate)
        : Optional.empty();
  }
}
