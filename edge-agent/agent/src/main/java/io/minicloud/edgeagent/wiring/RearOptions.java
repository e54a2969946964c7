package io.minicloud.edgeagent.wiring;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Section {@code minicloud.edge-agent.rear}: the REAR provider (docs/api/edge-agent-rear-v2.md).
 */
public interface RearOptions {

  /** Serve REAR at all; off makes the minicloud invisible to buyers. */
  @WithDefault("true")
  boolean enabled();

  /** The domain in every flavor id and identity; a lower-case DNS name. */
  @WithDefault("minicloud.local")
  String domain();

  /** This node's REAR id (a DNS-1123 label); the host name, lower-cased, when absent. */
  Optional<String> nodeId();

  /**
   * The {@code host:port} buyers dial, written as {@code owner.IP} in every flavor (a Go consumer
   * reserves and purchases there, not where it found us). Default: this machine's first
   * non-loopback IPv4 address and the HTTPS port.
   */
  Optional<String> advertisedAddress();

  /** The authenticated HTTPS listener (bearer token or client certificate). */
  Https https();

  /**
   * The FLUIDOS-compatible listener: plain HTTP, no authentication, what a stock Go FLUIDOS node
   * can talk to. Off unless enabled here: anyone who reaches it can reserve and buy.
   */
  Fluidos fluidos();

  /** PEM certificate for HTTPS; with {@link #tlsKey()}. Absent: a self-signed one is made. */
  Optional<Path> tlsCertificate();

  /** PEM (PKCS#8) key of {@link #tlsCertificate()}. */
  Optional<Path> tlsKey();

  /** PEM CA whose client certificates authenticate buyers; absent: bearer tokens only. */
  Optional<Path> clientCa();

  /** How long a reservation holds before it must be purchased (the node uses 1 h). */
  @WithDefault("PT1H")
  Duration timeToPurchase();

  /** How long a contract runs (the node writes 365 days). */
  @WithDefault("P365D")
  Duration contractTerm();

  /** How often expired reservations are released and offers recomputed. */
  @WithDefault("PT20S")
  Duration sweep();

  /** How K8Slices may be cut, and what a VM unit is. */
  Offers offers();

  /** Provisioning of K8Slice and VM purchases by minicloud-vim (namespace, quota, kubeconfig). */
  Provisioning provisioning();

  interface Provisioning {
    /** Off: purchases stay pending and no credential is issued. */
    @WithDefault("true")
    boolean enabled();

    /** minicloud-vim's API. */
    @WithDefault("http://127.0.0.1:9103")
    String vimUrl();

    /** The VIM's provisioning bearer token, which the VIM writes when it first starts. */
    @WithDefault("/var/lib/minicloud/minicloud-vim/provisioning-token")
    Path vimTokenFile();

    /** The containerDisk a VM purchase boots (REAR's VM flavors name no image). */
    @WithDefault("quay.io/containerdisks/debian:12")
    String vmImage();

    /** How often pending provisions and ended contracts are looked at. */
    @WithDefault("PT5S")
    Duration poll();

    /** First wait after the VIM could not be reached; doubles (with jitter) up to retry-cap. */
    @WithDefault("PT5S")
    Duration retryFirst();

    @WithDefault("PT5M")
    Duration retryCap();

    /** One call's timeout. */
    @WithDefault("PT10S")
    Duration timeout();
  }

  interface Https {
    @WithDefault("0.0.0.0")
    String host();

    @WithDefault("8443")
    int port();
  }

  interface Fluidos {
    @WithDefault("false")
    boolean enabled();

    @WithDefault("0.0.0.0")
    String host();

    /** The node's own gateway port is 3004 (behind a NodePort). */
    @WithDefault("3004")
    int port();
  }

  interface Offers {
    @WithName("cpu-min")
    @WithDefault("500m")
    String cpuMin();

    @WithName("cpu-step")
    @WithDefault("500m")
    String cpuStep();

    @WithName("memory-min")
    @WithDefault("256Mi")
    String memoryMin();

    @WithName("memory-step")
    @WithDefault("256Mi")
    String memoryStep();

    @WithName("pods-min")
    @WithDefault("1")
    String podsMin();

    @WithName("pods-step")
    @WithDefault("1")
    String podsStep();

    /** One VM flavor unit: cores, memory, disk (Kubernetes quantities). */
    @WithDefault("1")
    String vmCpu();

    @WithDefault("1Gi")
    String vmMemory();

    @WithDefault("10G")
    String vmStorage();

    /** Buyers one service flavor may have at once; -1 for no limit. */
    @WithDefault("-1")
    long serviceBuyers();

    /** Buyers one sensor flavor may have at once; -1 for no limit. */
    @WithDefault("-1")
    long sensorBuyers();

    /** Price written on every flavor; empty like the node's default. */
    @WithDefault("")
    Optional<String> priceAmount();

    Optional<String> priceCurrency();

    Optional<String> pricePeriod();

    /** e.g. {@code ethernet}, {@code 5G}, {@code wifi}; omitted when absent. */
    Optional<String> networkPropertyType();

    /** Location written on every flavor; omitted when no country is set. */
    Optional<String> country();

    Optional<String> city();

    Optional<String> latitude();

    Optional<String> longitude();
  }
}
