package io.minicloud.storage.wiring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Section {@code minicloud.storage-gateway} of {@code /etc/minicloud/minicloud.yaml}. */
@ConfigMapping(prefix = "minicloud.storage-gateway")
public interface StorageGatewayOptions {

  /** Where the agent keeps its state; the systemd unit makes only this path writable. */
  @WithDefault("/var/lib/minicloud/storage-gateway")
  Path dataDir();

  /** The Kubernetes node name to report for; the host name when absent. */
  Optional<String> nodeName();
}
