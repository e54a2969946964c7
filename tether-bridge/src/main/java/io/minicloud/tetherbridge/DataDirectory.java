package io.minicloud.tetherbridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The agent's state directory ({@code /var/lib/minicloud/tether-bridge} on a gateway). The agent is
 * only ready when it can write there: a unit whose {@code ReadWritePaths} does not match the
 * configured directory must show up as not ready, not fail later on first write.
 */
public final class DataDirectory {
  private final Path path;

  public DataDirectory(Path path) {
    this.path = path.toAbsolutePath().normalize();
  }

  public Path path() {
    return path;
  }

  /** Creates the directory if needed; returns why it cannot be used, or empty when it can. */
  public Optional<String> problem() {
    try {
      Files.createDirectories(path);
      Path probe = Files.createTempFile(path, ".ready", ".probe");
      Files.delete(probe);
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.of("data directory " + path + " is not writable: " + e);
    }
  }
}
