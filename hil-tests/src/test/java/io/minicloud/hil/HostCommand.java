package io.minicloud.hil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program of this machine (a test peer, or {@code ./minicloud}) to its end. Input and output
 * go through files, so a chatty program can never block on a full pipe.
 */
final class HostCommand {

  /** What a command did: its exit code and its stdout and stderr, interleaved. */
  record Run(int exitCode, String output) {}

  private HostCommand() {}

  /**
   * @param workingDir where to run it, or null for the current directory
   * @param stdin what to feed it, or null for nothing
   * @param timeout after which the command is killed and the test fails
   */
  static Run run(Path workingDir, String stdin, Duration timeout, String... command)
      throws IOException, InterruptedException {
    Path in = Files.createTempFile("host-command", ".in");
    Path log = Files.createTempFile("host-command", ".log");
    try {
      Files.writeString(in, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
      Process process;
      try {
        process =
            new ProcessBuilder(command)
                .directory(workingDir == null ? null : workingDir.toFile())
                .redirectErrorStream(true)
                .redirectInput(in.toFile())
                .redirectOutput(log.toFile())
                .start();
      } catch (IOException notInstalled) {
        throw new AssertionError(
            "cannot run " + command[0] + ": install it (shared/PEERS.md, .ci/peers)", notInstalled);
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(String.join(" ", command) + " did not end within " + timeout);
      }
      return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(in);
      Files.deleteIfExists(log);
    }
  }
}
