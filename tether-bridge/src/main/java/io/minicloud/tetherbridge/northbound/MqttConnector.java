package io.minicloud.tetherbridge.northbound;

/** Opens connections to the broker; {@link PahoConnector} in production. */
interface MqttConnector {
  /**
   * Connects with exactly this protocol version (never AUTO), blocking up to the connect timeout.
   */
  MqttConnection connect(ProtocolVersion protocol, MqttConnection.Events events)
      throws MqttConnectException;

  /** The broker, for messages. */
  String brokerUri();
}
