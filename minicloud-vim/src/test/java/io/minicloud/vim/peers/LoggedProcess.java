package io.minicloud.vim.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A peer program running in the background with its output in a log file, so a failed start can
 * show what the program said. Stopping sends SIGTERM first: etcd and kube-apiserver shut down
 * cleanly on it.
 */
final class LoggedProcess implements AutoCloseable {

  private static final int LOG_TAIL_LINES = 40;

  private final String name;
  private final Process process;
  private final Path log;

  private LoggedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static LoggedProcess start(String name, Path log, List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    return new LoggedProcess(name, process, log);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines of the program's output, for an exception message. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(
          "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** Why the program is not running, for an exception message. */
  String exitReport() {
    return name
        + (process.isAlive() ? " is still running" : " exited with " + process.exitValue())
        + "; its last output ("
        + log
        + "):\n"
        + logTail();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
