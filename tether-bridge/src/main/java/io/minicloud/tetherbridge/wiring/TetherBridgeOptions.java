package io.minicloud.tetherbridge.wiring;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Section {@code minicloud.tether-bridge} of {@code /etc/minicloud/minicloud.yaml}. Every setting
 * has a default that lets {@code minicloud demo} run with no file at all.
 */
@ConfigMapping(prefix = "minicloud.tether-bridge")
public interface TetherBridgeOptions {

  /** Where the agent keeps its state (the store-and-forward queue); only this path is writable. */
  @WithDefault("/var/lib/minicloud/tether-bridge")
  Path dataDir();

  /** The Kubernetes node name to report for (MQTT topics); the host name when absent. */
  Optional<String> nodeName();

  /** KubeEdge DeviceModel/Device files; watched, changes applied live. */
  @WithDefault("/etc/minicloud/devices")
  Path devicesDir();

  /** How often the directory is rescanned when file events are missed (network file systems). */
  @WithDefault("2s")
  Duration devicesRescan();

  /** Read period of properties whose Device gives no collectCycle. */
  @WithDefault("1s")
  Duration defaultCollectCycle();

  /** Per-device circuit breaker: consecutive failed polls before a device is skipped. */
  @WithDefault("3")
  int breakerThreshold();

  /** How long an open circuit skips its device first (doubling up to breaker-max-open). */
  @WithDefault("5s")
  Duration breakerOpen();

  @WithDefault("60s")
  Duration breakerMaxOpen();

  /** Frames kept per device for {@code GET /api/v1/devices/{name}/frames}. */
  @WithDefault("64")
  int frameLogSize();

  /** How long a write (and its read-back) may wait for a busy or reconnecting link. */
  @WithDefault("10s")
  Duration writeTimeout();

  /** Northbound MQTT. */
  Mqtt mqtt();

  /** The durable store-and-forward queue between the devices and MQTT. */
  Queue queue();

  /** Demo only: serve a simulated Modbus TCP device on this loopback port. */
  OptionalInt demoModbusPort();

  /** Demo only: serve a simulated CoAP sensor (observable, block-wise, CBOR) on this UDP port. */
  OptionalInt demoCoapPort();

  /**
   * Demo only: run an Arduino Uno with the stock StandardFirmata in simavr (when installed) and
   * make its serial port appear as this symlink, which the demo's device file names.
   */
  Optional<Path> demoFirmataLink();

  /** Northbound MQTT settings. */
  interface Mqtt {
    /**
     * {@code tcp://host:1883} or {@code ssl://host:8883}. Absent: an embedded broker on loopback
     * (Moquette) is started on {@code embedded-port}.
     */
    Optional<String> broker();

    /** Port of the embedded loopback broker used when no broker is configured. */
    @WithDefault("1883")
    int embeddedPort();

    /** MQTT client id; {@code minicloud-tether-bridge-<node>} when absent. */
    Optional<String> clientId();

    Optional<String> username();

    /** Never logged. Prefer a file readable only by the minicloud user: {@code password-file}. */
    Optional<String> password();

    Optional<Path> passwordFile();

    /** PEM CA bundle to verify the broker (TLS); the JVM's trust store when absent. */
    Optional<Path> caFile();

    /** PEM client certificate and key for mutual TLS. */
    Optional<Path> clientCertFile();

    Optional<Path> clientKeyFile();

    /** {@code auto} (v5, falling back to v3.1.1), {@code 5} or {@code 3.1.1}. */
    @WithDefault("auto")
    String protocolVersion();

    @WithDefault("30s")
    Duration keepAlive();

    /** Messages published and not yet acknowledged at once. */
    @WithDefault("32")
    int inflight();
  }

  /** Store-and-forward bounds. */
  interface Queue {
    @WithDefault("200000")
    int maxMessages();

    @WithDefault("64M")
    MemorySize maxBytes();

    /** Readings older than this are dropped (counted) instead of sent. */
    @WithDefault("7d")
    Duration ttl();
  }
}
