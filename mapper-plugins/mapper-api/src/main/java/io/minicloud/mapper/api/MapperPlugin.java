package io.minicloud.mapper.api;

/**
 * A protocol plugin: found by {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/io.minicloud.mapper.api.MapperPlugin} line), one per protocol.
 *
 * <p>A plugin does few things: it binds a device's untyped KubeEdge config into its own typed
 * records, and its driver reads and writes properties through a {@link LinkSession} the core hands
 * it. Scheduling, reconnecting, circuit breaking, report strategies, twins, buffering, publishing,
 * REST and metrics belong to the core (tether-bridge), written once.
 */
public interface MapperPlugin {

  /** The KubeEdge {@code protocolName} this plugin serves: {@code modbus}, {@code mqtt}, ... */
  String protocol();

  /**
   * Binds and validates a device's protocol config and its properties' visitor configs. Opens
   * nothing: the core calls this for every file before it touches a running device.
   *
   * @throws ConfigException listing every invalid field at once
   */
  DeviceDriver bind(DeviceSpec device) throws ConfigException;
}
