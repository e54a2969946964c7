package io.minicloud.hil;

import java.nio.file.Path;
import java.util.List;

/**
 * The agents as the system tests and the benchmark see them: where each is built and where it
 * listens by default (shared/DESIGN.md §3).
 */
public enum BoardAgent {
  CHAR_AGENT("char-agent", "char-agent", 9101),
  TETHER_BRIDGE("tether-bridge", "tether-bridge", 9102),
  EDGE_AGENT("edge-agent", "edge-agent/agent", 8080),
  MINICLOUD_VIM("minicloud-vim", "minicloud-vim", 9103),
  STORAGE_GATEWAY("storage-gateway", "storage-gateway", 9000);

  /**
   * The small-footprint JVM flags of the systemd units and the demo, without the AppCDS archive
   * path, which depends on where the agent is installed.
   */
  public static final List<String> FOOTPRINT_FLAGS =
      List.of(
          "-XX:+UseSerialGC",
          "-Xms16m",
          "-Xmx64m",
          "-Xss512k",
          "-XX:MaxMetaspaceSize=128m",
          "-XX:ReservedCodeCacheSize=32m",
          "-XX:+ExitOnOutOfMemoryError",
          "-Xshare:auto");

  private final String agentName;
  private final String moduleDir;
  private final int port;

  BoardAgent(String agentName, String moduleDir, int port) {
    this.agentName = agentName;
    this.moduleDir = moduleDir;
    this.port = port;
  }

  public String agentName() {
    return agentName;
  }

  public Path moduleDir(Path repoRoot) {
    return repoRoot.resolve(moduleDir);
  }

  public Path appDir(Path repoRoot) {
    return moduleDir(repoRoot).resolve("target/quarkus-app");
  }

  public int port() {
    return port;
  }

  /** Prefix of the agent's own metrics: {@code minicloud_<module>_}. */
  public String metricPrefix() {
    String module = this == MINICLOUD_VIM ? "vim" : agentName;
    return "minicloud_" + module.replace('-', '_') + "_";
  }

  public static Path repoRoot() {
    String root = System.getProperty("repo.root");
    if (root == null || root.isBlank()) {
      throw new IllegalStateException(
          "system property repo.root is not set: run through Maven (./mvnw -pl hil-tests ...)");
    }
    return Path.of(root).toAbsolutePath().normalize();
  }
}
