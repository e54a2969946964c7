package io.minicloud.edgeagent.wiring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  // ---- peer discovery (io.minicloud.edgeagent.discovery) ----

  /** How this minicloud finds other REAR endpoints, and lets them find it. */
  DiscoveryOptions discovery();

  /** Section {@code minicloud.edge-agent.discovery}. */
  interface DiscoveryOptions {

    /** The most peers kept; a flood of made-up node IDs beyond it is dropped and counted. */
    @WithDefault("1024")
    int maxPeers();

    /** How long an expired peer stays listed (state {@code expired}) before it is removed. */
    @WithDefault("PT5M")
    Duration forgetExpiredAfter();

    /** How often peers are checked for expiry; bounds how late an expiry shows. */
    @WithDefault("PT1S")
    Duration sweepInterval();

    Multicast multicast();

    Mdns mdns();

    Manual manual();

    /** FLUIDOS network-manager multicast: the way Go FLUIDOS nodes find each other. */
    interface Multicast {
      /** Off for sites whose network drops multicast; mDNS or manual peers remain. */
      @WithDefault("true")
      boolean enabled();

      /** The IPv4 multicast group; FLUIDOS nodes use 239.11.11.1. */
      @WithDefault("239.11.11.1")
      String group();

      /** The UDP port to send to and listen on; FLUIDOS nodes use 4000. */
      @WithDefault("4000")
      int port();

      /** Time between two of our announcements; FLUIDOS sends every 5 s. */
      @WithDefault("PT5S")
      Duration interval();

      /** A peer expires this long after its last announcement; FLUIDOS uses 10 s. */
      @WithDefault("PT10S")
      Duration expiry();

      /** The interface to join the group on (e.g. eth0); absent: the first multicast-capable. */
      Optional<String> interfaceName();

      /** Larger datagrams are dropped unread; an announcement is about 80 bytes. */
      @WithDefault("1024")
      int maxDatagramBytes();
    }

    /** mDNS / DNS-SD advertising and browsing, for networks with Bonjour/Avahi but no FLUIDOS. */
    interface Mdns {
      /** Off where mDNS is unwanted; multicast and manual peers remain. */
      @WithDefault("true")
      boolean enabled();

      /** The DNS-SD service type advertised and browsed. */
      @WithDefault("_fluidos-rear._tcp.local.")
      String serviceType();

      /** The interface to bind; absent: the first multicast-capable one. */
      Optional<String> interfaceName();

      /** How often the browse list is re-read to refresh peers' last-seen time. */
      @WithDefault("PT30S")
      Duration refreshInterval();

      /** An mDNS peer expires this long after it was last seen (three refreshes and a margin). */
      @WithDefault("PT95S")
      Duration expiry();
    }

    /** Peers listed by the operator, for sites multicast does not reach. */
    interface Manual {
      /** Each peer: {@code address} as host:port or http(s) URL, and optionally {@code node-id}. */
      Optional<List<ManualPeerEntry>> peers();

      /** Time between two probes of {@code GET /api/v2/flavors} on each peer. */
      @WithDefault("PT30S")
      Duration probeInterval();

      /** How long a probe may take, answer body included, before the peer is unreachable. */
      @WithDefault("PT3S")
      Duration probeTimeout();
    }

    /** One manual peer. */
    interface ManualPeerEntry {
      /** {@code host:port} (plain HTTP, like a Go node's gateway) or an http(s) URL. */
      String address();

      /** Its node ID, if known: announcements of the same node then merge with this entry. */
      Optional<String> nodeId();
    }
  }
}
