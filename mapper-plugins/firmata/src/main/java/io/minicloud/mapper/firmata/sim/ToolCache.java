package io.minicloud.mapper.firmata.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where built and fetched test-board artifacts live between runs: {@code $XDG_CACHE_HOME/minicloud}
 * (default {@code ~/.cache/minicloud}), or {@code -Dminicloud.cache-dir}. Content-addressed, so a
 * changed source is rebuilt, never reused. Public for the other simulated boards of this module
 * (tether v1 firmware builds).
 */
public final class ToolCache {
  private ToolCache() {}

  public static Path root() {
    String configured = System.getProperty("minicloud.cache-dir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("minicloud");
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  static String sha256(Path file) throws IOException {
    return sha256(Files.readAllBytes(file));
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = ToolCache.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("resource " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    }
  }

  /** Runs a build or fetch command; its output goes into the exception when it fails. */
  public static void run(Path dir, String... command) throws IOException {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    try {
      int code = process.waitFor();
      if (code != 0) {
        throw new IOException(
            String.join(" ", command) + " failed (exit " + code + "):\n" + output.strip());
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command[0], e);
    }
  }
}
