package io.minicloud.tetherbridge.northbound;

import javax.net.ssl.SSLSocketFactory;

/** Opens Paho connections, v5 or v3.1.1, with the TLS setup built once from the options. */
final class PahoConnector implements MqttConnector {
  private final NorthboundOptions options;
  private final SSLSocketFactory sockets;

  /**
   * @throws IllegalArgumentException when the TLS files cannot be used (names file and reason)
   */
  PahoConnector(NorthboundOptions options) {
    this.options = options;
    this.sockets = options.ssl() ? options.tlsOrDefaults().socketFactory() : null;
  }

  @Override
  public MqttConnection connect(ProtocolVersion protocol, MqttConnection.Events events)
      throws MqttConnectException {
    return switch (protocol) {
      case V5 -> Paho5Connection.connect(options, sockets, events);
      case V3_1_1 -> Paho3Connection.connect(options, sockets, events);
      case AUTO -> throw new IllegalArgumentException("connect needs a concrete protocol version");
    };
  }

  @Override
  public String brokerUri() {
    return options.brokerUri();
  }
}
