package io.minicloud.rear.peers;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Finding and running the programs the Go peer's build needs, with errors that say what to do. */
final class Tools {

  /** Download and build together take well under a minute; ten is for a slow shared machine. */
  private static final long TIMEOUT_MINUTES = 10;

  private Tools() {}

  /**
   * The command on PATH.
   *
   * @throws IllegalStateException naming the Debian package to install: a missing peer fails the
   *     test rather than skipping it, because CI installs every peer in .ci/peers
   */
  static Path require(String command, String debianPackage) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "'"
            + command
            + "' is not on PATH: the Go REAR peer needs Debian's "
            + debianPackage
            + " (apt-get install "
            + debianPackage
            + "; .ci/peers lists it, shared/PEERS.md 'Kubernetes API')");
  }

  /** Runs a command; its output goes into the exception when it fails or hangs. */
  static void run(Path dir, Map<String, String> env, String... command) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Path log = Files.createTempFile("rearpeer-build", ".log");
    try {
      Process process = builder.redirectOutput(log.toFile()).start();
      boolean finished = waitFor(process, command[0]);
      String output = Files.readString(log, StandardCharsets.UTF_8).strip();
      if (!finished) {
        throw new IOException(
            String.join(" ", command) + " took over " + TIMEOUT_MINUTES + " min:\n" + output);
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + output);
      }
    } finally {
      Files.delete(log);
    }
  }

  /** A short command's standard output, e.g. {@code go version}. */
  static String output(String... command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!waitFor(process, command[0]) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }

  private static boolean waitFor(Process process, String name) throws IOException {
    try {
      if (process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        return true;
      }
      process.destroyForcibly();
      return false;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + name, e);
    }
  }
}
