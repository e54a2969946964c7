package io.minicloud.mapper.mqtt;

import io.minicloud.mapper.api.Connection;
import io.minicloud.mapper.api.DeviceException;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;

/**
 * What a driver needs from a broker connection: watch topics, look up the latest reading, publish a
 * command. {@link MqttDeviceConnection} is the real one; tests pass an in-memory one.
 */
public interface MqttConnection extends Connection {

  /** The settings it was opened with, so a device can tell whether it may share it. */
  MqttConnectionSettings settings();

  /**
   * Starts keeping the latest reading of each watched property, then subscribes to their topics (in
   * that order, so a retained message that arrives right after the SUBACK is not missed).
   *
   * @throws DeviceException when the broker refuses a subscription (an ACL)
   * @throws IOException when the connection failed
   */
  void watch(Collection<PropertyWatch> watches, int qos, long timeoutMillis) throws IOException;

  /** The latest reading for a watched property; empty until a message arrived. */
  Optional<Reading> latest(WatchKey key);

  /**
   * Publishes a command (not retained: a retained command would run again whenever the device
   * reconnects) and waits until the broker has it (QoS 1) or it is sent (QoS 0).
   *
   * @throws DeviceException ({@link io.minicloud.mapper.api.ErrorKind#TIMEOUT}) when the broker
   *     does not acknowledge in time
   * @throws IOException when the connection failed
   */
  void publish(String topic, byte[] payload, int qos, long timeoutMillis) throws IOException;
}
