package io.minicloud.charagent.wiring;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Section {@code minicloud.char-agent} of {@code /etc/minicloud/minicloud.yaml}. */
@ConfigMapping(prefix = "minicloud.char-agent")
public interface CharAgentOptions {

  /** Where the agent keeps its state; the systemd unit makes only this path writable. */
  @WithDefault("/var/lib/minicloud/char-agent")
  Path dataDir();

  /** The Kubernetes node name to report for; the host name when absent. */
  Optional<String> nodeName();

  /**
   * The host's root: the probes read {@code <root>/proc}, {@code <root>/sys}, {@code <root>/dev}
   * and {@code <root>/etc}. {@code /} on a gateway; a captured tree in tests, or the host's root
   * mounted into a container ({@code /host}).
   */
  @WithDefault("/")
  Path root();

  /**
   * How often to characterize in the background; {@code GET /characterization} serves the last
   * result. The first run happens at start-up. At least one second.
   */
  @WithDefault("30s")
  @WithConverter(DurationConverter.class)
  Duration refresh();

  /**
   * Whether {@code GET /characterization?root=DIR} may characterize another directory than {@link
   * #root()} (what {@code minicloud characterize --root DIR} asks for). Off by default: the agent
   * then only ever reads its configured root.
   */
  @WithDefault("false")
  boolean allowRootOverride();

  /** Where the gateway stands (ACCORDION's Region); every field is optional. */
  LocationOptions location();

  /** The Kubernetes integration. */
  KubernetesOptions kubernetes();

  /** {@code minicloud.char-agent.location.*}: reported as is, in JSON, TOSCA and node labels. */
  interface LocationOptions {
    /** The continent ("Europe"). */
    Optional<String> continent();

    /** The country; an ISO 3166 code ("IT") makes a good label. */
    Optional<String> country();

    /** The city ("Torino"). */
    Optional<String> city();

    /** WGS84 latitude in degrees, -90 to 90. */
    Optional<Double> latitude();

    /** WGS84 longitude in degrees, -180 to 180. */
    Optional<Double> longitude();
  }

  /** {@code minicloud.char-agent.kubernetes.*}. */
  interface KubernetesOptions {
    /**
     * Label and annotate this gateway's Node ({@code minicloud.io/*}) after each characterization.
     * Only happens in a cluster (the {@code KUBERNETES_SERVICE_HOST} variable is set) and with
     * {@code minicloud.char-agent.node-name} configured; elsewhere this does nothing.
     */
    @WithDefault("true")
    boolean labelNode();
  }
}
