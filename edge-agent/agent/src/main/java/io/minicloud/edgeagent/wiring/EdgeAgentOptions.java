package io.minicloud.edgeagent.wiring;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

  // ---- inventory (docs/api/edge-agent-inventory-v1.md) -------------------------------------

  /** Section {@code inventory}: where the minicloud's nodes, devices and services come from. */
  InventoryOptions inventory();

  /**
   * The inventory's sources. The defaults point at the agents of this gateway on their default
   * ports and let the agent start with nothing else running: every source that does not answer is
   * marked stale in the API and logged once, and the inventory stays valid (and empty).
   */
  interface InventoryOptions {

    /** How often every source is read again. */
    @WithDefault("15s")
    @WithConverter(DurationConverter.class)
    Duration refresh();

    /** The longest one HTTP answer or TCP probe may take, body included. */
    @WithDefault("5s")
    @WithConverter(DurationConverter.class)
    Duration timeout();

    /** Larger answers from a char-agent or tether-bridge are refused (the source turns stale). */
    @WithDefault("4194304")
    int maxResponseBytes();

    /**
     * Whether nodes come from a Kubernetes API: {@code auto} uses one when the agent runs in a
     * cluster (service account) or a kubeconfig exists ({@code KUBECONFIG} or {@code
     * ~/.kube/config}); {@code on} always; {@code off} never (nodes come from the char-agents).
     */
    @WithDefault("auto")
    KubernetesMode kubernetes();

    /**
     * char-agents whose characterization makes a node when no cluster is used, and whose {@code
     * /q/metrics} feed the monitoring API's physical metrics.
     */
    @WithDefault("http://127.0.0.1:9101")
    List<URI> charAgents();

    /**
     * Memory kept for the OS and the agents on a standalone node, a Kubernetes quantity: the node's
     * allocatable memory is its total minus this (kubelet's system-reserved does the same in a
     * cluster).
     */
    @WithDefault("512Mi")
    String systemReserve();

    /** Pods a standalone node offers: kubelet's default {@code max-pods}. */
    @WithDefault("110")
    int standalonePods();

    /** tether-bridges whose devices join the inventory. */
    @WithDefault("http://127.0.0.1:9102")
    List<URI> bridges();

    /** The MQTT broker offered as a service, {@code host:port}; probed over TCP. */
    @WithDefault("127.0.0.1:1883")
    String mqttBroker();

    /** The storage gateway offered as an S3 service; probed over HTTP. */
    @WithDefault("http://127.0.0.1:9000")
    URI storageGateway();

    /** Services the operator offers besides the broker and storage, by DNS-1123 name. */
    Map<String, ServiceOptions> services();
  }

  /** How the inventory decides to use a Kubernetes API. */
  enum KubernetesMode {
    AUTO,
    ON,
    OFF
  }

  /** One operator-configured service (a REAR service flavor once the REAR provider sells it). */
  interface ServiceOptions {

    /** One line for humans; empty when absent. */
    Optional<String> description();

    /** REAR service category, e.g. {@code database}, {@code ai-inference}. */
    @WithDefault("other")
    String category();

    /** REAR service tags. */
    Optional<List<String>> tags();

    /** How a buyer reaches it, e.g. {@code postgresql://10.0.0.2:5432}; probed when TCP/HTTP. */
    String endpoint();

    /** REAR hosting policies: {@code Provider}, {@code Consumer}, {@code Shared}. */
    @WithDefault("Provider")
    List<String> hostingPolicies();

    /** The buyer's configuration as a JSON Schema, inline (YAML or JSON text). */
    Optional<String> configurationTemplate();

    /** The same, read from a YAML or JSON file; used when no inline template is given. */
    Optional<Path> configurationTemplateFile();
  }
}
