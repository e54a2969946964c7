package io.minicloud.rear.peers;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finding and running the programs that builds from Debian's Kubernetes source need, with errors
 * that say what to do.
 */
public final class Tools {

  /** The Go peer's download and build take well under a minute; ten is for a slow machine. */
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  /**
   * A command still running after this says so on stderr, so a long build is not taken for hung.
   */
  private static final Duration HEARTBEAT = Duration.ofMinutes(1);

  private Tools() {}

  /** The command on PATH, if there. */
  public static Optional<Path> find(String command) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The command on PATH.
   *
   * @throws IllegalStateException naming the Debian package to install: a missing peer fails the
   *     test rather than skipping it, because CI installs every peer in .ci/peers
   */
  public static Path require(String command, String debianPackage) {
    return find(command)
        .orElseThrow(() -> new IllegalStateException(missing(command, debianPackage)));
  }

  /** Why a test cannot run without the command, and what to install. */
  public static String missing(String command, String debianPackage) {
    return "'"
        + command
        + "' is not on PATH: this peer needs Debian's "
        + debianPackage
        + " (apt-get install "
        + debianPackage
        + "; .ci/peers lists it, shared/PEERS.md 'Kubernetes API')";
  }

  /** Runs a command; its output goes into the exception when it fails or hangs. */
  public static void run(Path dir, Map<String, String> env, String... command) throws IOException {
    run(dir, env, DEFAULT_TIMEOUT, command);
  }

  /** {@link #run(Path, Map, String...)} with a timeout of its own, for long builds. */
  public static void run(Path dir, Map<String, String> env, Duration timeout, String... command)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Path log = Files.createTempFile("peer-build", ".log");
    try {
      Process process = builder.redirectOutput(log.toFile()).start();
      boolean finished = waitFor(process, command[0], timeout);
      String output = Files.readString(log, StandardCharsets.UTF_8).strip();
      if (!finished) {
        throw new IOException(
            String.join(" ", command) + " took over " + timeout.toMinutes() + " min:\n" + output);
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
  public static String output(String... command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!waitFor(process, command[0], DEFAULT_TIMEOUT) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }

  private static boolean waitFor(Process process, String name, Duration timeout)
      throws IOException {
    long started = System.nanoTime();
    try {
      while (true) {
        Duration left = timeout.minusNanos(System.nanoTime() - started);
        if (left.isNegative() || left.isZero()) {
          process.destroyForcibly();
          return false;
        }
        long wait = Math.min(left.toMillis(), HEARTBEAT.toMillis());
        if (process.waitFor(wait, TimeUnit.MILLISECONDS)) {
          return true;
        }
        System.err.printf(
            "%s: still running after %d min%n",
            name, Duration.ofNanos(System.nanoTime() - started).toMinutes());
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + name, e);
    }
  }
}
