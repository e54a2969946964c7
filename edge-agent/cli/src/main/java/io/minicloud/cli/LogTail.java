package io.minicloud.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of an agent's log, shown when it fails. */
final class LogTail {

  private LogTail() {}

  static List<String> lastLines(Path log, int count) {
    try {
      List<String> lines =
          List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\\R"));
      return lines.subList(Math.max(0, lines.size() - count), lines.size());
    } catch (IOException e) {
      return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
    }
  }
}
