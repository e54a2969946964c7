package io.minicloud.tetherbridge.northbound;

import java.time.Duration;
import java.util.List;

/**
 * One established MQTT connection, v5 or v3.1.1: all the sink needs from Paho, so nothing else
 * cares which version is in use. One client object per connection: a reconnect builds a new one, so
 * Paho never re-sends anything on its own and the forwarder owns every resend.
 */
interface MqttConnection {

  /** What a connection reports, from the MQTT client's threads. */
  interface Events {
    void connectionLost(MqttConnection connection, String reason);

    void messageArrived(String topic, byte[] payload);
  }

  ProtocolVersion protocol();

  /**
   * Hands a message to the client, which keeps publish order on the connection. False when the
   * client's in-flight window is full or the connection is gone; the callback is then not called.
   *
   * @throws MqttSinkException for anything else; the callback is then not called either
   */
  boolean publish(String topic, byte[] payload, int qos, boolean retain, PublishCallback callback)
      throws MqttSinkException;

  /** Subscribes and waits for the SUBACK; fails when the broker refuses any of the filters. */
  void subscribe(List<String> filters, int qos, Duration timeout) throws MqttSinkException;

  /** Disconnects (briefly waiting for the broker) and frees the client's threads; never throws. */
  void close();
}
