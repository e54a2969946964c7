package io.minicloud.cli;

import java.util.List;
import java.util.Optional;

/** The one list of agents (shared/DESIGN.md §3): name, module directory, default port. */
public final class AgentCatalog {

  public static final List<Agent> AGENTS =
      List.of(
          new Agent("char-agent", "char-agent", 9101),
          new Agent("tether-bridge", "tether-bridge", 9102),
          new Agent("edge-agent", "edge-agent/agent", 8080),
          new Agent("minicloud-vim", "minicloud-vim", 9103),
          new Agent("storage-gateway", "storage-gateway", 9000));

  private AgentCatalog() {}

  public static Optional<Agent> byName(String name) {
    return AGENTS.stream().filter(a -> a.name().equals(name)).findFirst();
  }
}
