package io.minicloud.hil;

import io.minicloud.cli.Agent;
import io.minicloud.cli.AgentCatalog;
import io.minicloud.cli.AgentCommandLine;
import java.nio.file.Path;
import java.util.List;

/**
 * The agents as the system tests and the benchmark see them, for {@code @EnumSource}. Names, module
 * directories, ports and JVM flags all come from the CLI's {@link AgentCatalog}, the one list of
 * agents; {@code AgentLayoutTest} checks that this enum and the catalog name the same agents.
 */
public enum BoardAgent {
  CHAR_AGENT("char-agent"),
  TETHER_BRIDGE("tether-bridge"),
  EDGE_AGENT("edge-agent"),
  MINICLOUD_VIM("minicloud-vim"),
  STORAGE_GATEWAY("storage-gateway");

  /**
   * The small-footprint JVM flags of the systemd units and the demo, without the AppCDS archive
   * path, which depends on where the agent is installed.
   */
  public static final List<String> FOOTPRINT_FLAGS = AgentCommandLine.JVM_FLAGS;

  private final Agent agent;

  BoardAgent(String name) {
    this.agent =
        AgentCatalog.byName(name)
            .orElseThrow(() -> new IllegalStateException("the CLI's catalog has no " + name));
  }

  public String agentName() {
    return agent.name();
  }

  public Path moduleDir(Path repoRoot) {
    return repoRoot.resolve(agent.moduleDir());
  }

  public Path appDir(Path repoRoot) {
    return agent.appDir(repoRoot);
  }

  public int port() {
    return agent.port();
  }

  /** The Debian package and systemd unit name. */
  public String debianPackage() {
    return agent.debianPackage();
  }

  /**
   * Prefix of the agent's own metrics, {@code minicloud_<module>_}: the module as its issue names
   * it ({@code minicloud_char_*}, {@code minicloud_vim_*}), else the agent name.
   */
  public String metricPrefix() {
    String module =
        switch (this) {
          case CHAR_AGENT -> "char";
          case MINICLOUD_VIM -> "vim";
          default -> agentName();
        };
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
