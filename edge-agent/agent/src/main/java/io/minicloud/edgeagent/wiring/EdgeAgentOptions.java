package io.minicloud.edgeagent.wiring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Section {@code minicloud.edge-agent} of {@code /etc/minicloud/minicloud.yaml}. */
@ConfigMapping(prefix = "minicloud.edge-agent")
public interface EdgeAgentOptions {

  /** Where the agent keeps its state; the systemd unit makes only this path writable. */
  @WithDefault("/var/lib/minicloud/edge-agent")
  Path dataDir();

  /** The Kubernetes node name to report for; the host name when absent. */
  Optional<String> nodeName();

  /** The REAR provider: identity, listeners, offers (see {@link RearOptions}). */
  RearOptions rear();
}
