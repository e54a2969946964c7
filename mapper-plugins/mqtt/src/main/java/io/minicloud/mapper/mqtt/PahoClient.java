package io.minicloud.mapper.mqtt;

import java.io.IOException;

/**
 * One connected Paho client, MQTT 5 or 3.1.1: the few verbs {@link MqttDeviceConnection} uses, so
 * the two Paho APIs (which share no types) stay behind one seam.
 */
interface PahoClient {

  /** Called on Paho's threads. */
  interface Listener {
    void messageArrived(String topic, byte[] payload);

    void connectionLost(String reason);
  }

  /** {@code 5} or {@code 3.1.1}. */
  String protocolVersion();

  boolean isConnected();

  /**
   * @throws io.minicloud.mapper.api.DeviceException when the broker refuses the subscription
   */
  void subscribe(String filter, int qos, long timeoutMillis) throws IOException;

  /**
   * @throws io.minicloud.mapper.api.DeviceException on a timeout or a refused publish
   */
  void publish(String topic, byte[] payload, int qos, long timeoutMillis) throws IOException;

  /** Disconnects and releases Paho's threads; quiet. */
  void close();
}
