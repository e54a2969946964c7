package io.minicloud.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Whether this process may install packages itself (effective uid 0). */
final class CurrentUser {

  private CurrentUser() {}

  static boolean isRoot() {
    try {
      return isRoot(Files.readAllLines(Path.of("/proc/self/status")));
    } catch (IOException e) {
      return uidFromIdCommand() == 0;
    }
  }

  /** Reads the effective uid (second field of the {@code Uid:} line) of /proc/self/status. */
  static boolean isRoot(List<String> procStatus) {
    for (String line : procStatus) {
      if (line.startsWith("Uid:")) {
        String[] fields = line.substring(4).strip().split("\\s+");
        return fields.length > 1 ? "0".equals(fields[1]) : "0".equals(fields[0]);
      }
    }
    return false;
  }

  private static int uidFromIdCommand() {
    try {
      Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return id.waitFor() == 0 ? Integer.parseInt(out) : -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
