package io.minicloud.charagent.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the host's {@code /proc}, {@code /sys}, {@code /dev} and {@code /etc} below a root: {@code
 * /} on a gateway, a captured tree in tests. Reads are bounded (a 1 GiB file in /sys must not cost
 * 1 GiB), NUL bytes (device-tree strings) become separators, and bytes that are not UTF-8 are
 * replaced, so garbage in a file gives an odd string, never an exception.
 */
public final class HostFiles {
  /** Larger than any file the probes read (a big /proc/cpuinfo is ~ 100 KiB). */
  static final int MAX_BYTES = 1 << 20;

  private final Path root;
  private final Warnings warnings;

  public HostFiles(Path root, Warnings warnings) {
    this.root = root.toAbsolutePath().normalize();
    this.warnings = warnings;
  }

  public Path root() {
    return root;
  }

  public Warnings warnings() {
    return warnings;
  }

  /**
   * The path of a host path below the root: {@code /proc/cpuinfo} → {@code <root>/proc/cpuinfo}.
   */
  public Path resolve(String hostPath) {
    String relative = hostPath.startsWith("/") ? hostPath.substring(1) : hostPath;
    return root.resolve(relative);
  }

  public boolean exists(String hostPath) {
    return Files.exists(resolve(hostPath));
  }

  /**
   * The file's text, trimmed, with NULs turned into spaces; empty when missing, unreadable (with a
   * warning) or blank.
   */
  public Optional<String> text(String hostPath) {
    Path file = resolve(hostPath);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        warnings.add(hostPath + ": larger than " + MAX_BYTES + " bytes, read the first part only");
        bytes = java.util.Arrays.copyOf(bytes, MAX_BYTES);
      }
      String text = new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ').trim();
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    } catch (IOException | SecurityException e) {
      warnings.add(hostPath + ": unreadable (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
  }

  /** Like {@link #text}, but a missing file is worth a warning: the probe needed it. */
  public Optional<String> required(String hostPath, String what) {
    Optional<String> text = text(hostPath);
    if (text.isEmpty()) {
      warnings.add(hostPath + ": missing or empty, " + what + " unknown");
    }
    return text;
  }

  public List<String> lines(String hostPath) {
    return text(hostPath).map(t -> t.lines().toList()).orElse(List.of());
  }

  /** A decimal number, or empty (with a warning when the file holds something else). */
  public Optional<Long> number(String hostPath) {
    Optional<String> text = text(hostPath);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text.get().trim()));
    } catch (NumberFormatException e) {
      warnings.add(hostPath + ": not a number: '" + abbreviate(text.get()) + "'");
      return Optional.empty();
    }
  }

  /** Names in a directory, sorted; empty when it does not exist. */
  public List<String> list(String hostDir) {
    Path dir = resolve(hostDir);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().limit(4096).toList();
    } catch (IOException | SecurityException e) {
      warnings.add(hostDir + ": cannot list (" + e.getClass().getSimpleName() + ")");
      return List.of();
    }
  }

  /** The last name of a symbolic link's target ({@code driver -> ../../bus/…/v3d} → v3d). */
  public Optional<String> linkName(String hostPath) {
    Path link = resolve(hostPath);
    if (!Files.isSymbolicLink(link)) {
      return Optional.empty();
    }
    try {
      Path target = Files.readSymbolicLink(link).getFileName();
      return Optional.ofNullable(target).map(Path::toString);
    } catch (IOException | SecurityException e) {
      warnings.add(hostPath + ": unreadable link (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
  }

  static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "...";
  }
}
