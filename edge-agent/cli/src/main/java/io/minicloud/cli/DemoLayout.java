package io.minicloud.cli;

import java.nio.file.Path;

/** Where the demo keeps its state: {@code <root>/.minicloud/demo/}. */
record DemoLayout(Path repoRoot) {

  Path dir() {
    return repoRoot.resolve(".minicloud").resolve("demo");
  }

  Path dataDir(Agent agent) {
    return dir().resolve(agent.name());
  }

  Path log(Agent agent) {
    return dir().resolve(agent.name() + ".log");
  }

  /** pid, port and name of each running agent, while the demo runs. */
  Path agentsJson() {
    return dir().resolve("agents.json");
  }
}
