package io.minicloud.charagent.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds small host trees for probe tests: files and symbolic links at host paths ({@code
 * /sys/class/net/eth0/speed}) below a test's root.
 */
final class HostTree {
  /** The captured boards, read in place (their sysfs symlinks are part of the data). */
  static final Path CAPTURED = Path.of("src/test/resources/trees");

  private HostTree() {}

  static void write(Path root, String hostPath, byte[] content) throws IOException {
    Path file = root.resolve(hostPath.substring(1));
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }

  static void write(Path root, String hostPath, String text) throws IOException {
    write(root, hostPath, text.getBytes(StandardCharsets.UTF_8));
  }

  static void link(Path root, String hostPath, String target) throws IOException {
    Path link = root.resolve(hostPath.substring(1));
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, Path.of(target));
  }
}
