package io.minicloud.vim.wiring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Section {@code minicloud.minicloud-vim} of {@code /etc/minicloud/minicloud.yaml}. */
@ConfigMapping(prefix = "minicloud.minicloud-vim")
public interface VimOptions {

  /** Where the agent keeps its state; the systemd unit makes only this path writable. */
  @WithDefault("/var/lib/minicloud/minicloud-vim")
  Path dataDir();

  /** The Kubernetes node name to report for; the host name when absent. */
  Optional<String> nodeName();

  /** REAR provisioning: namespaces, quotas and scoped credentials for purchases. */
  Provisioning provisioning();

  /** Section {@code minicloud.minicloud-vim.provisioning}. */
  interface Provisioning {

    /**
     * The API server URL written into buyers' kubeconfigs: the minicloud's externally reachable
     * address (e.g. {@code https://192.168.1.10:6443}). The VIM's own client URL when absent, which
     * inside a pod is cluster-internal: set this on a gateway.
     */
    Optional<String> apiServerUrl();

    /** PEM CA certificate of that API server; the VIM's client CA when absent. */
    Optional<Path> caFile();

    /** The bearer token guarding the API; {@code <data-dir>/provisioning-token} when absent. */
    Optional<Path> tokenFile();

    /** How often expired contracts are revoked. */
    @WithDefault("PT60S")
    Duration expirySweep();

    /** The longest a buyer's token lives (never past the contract's expiry). */
    @WithDefault("P366D")
    Duration maxTokenLifetime();
  }
}
