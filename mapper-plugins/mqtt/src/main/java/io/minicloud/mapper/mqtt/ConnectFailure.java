package io.minicloud.mapper.mqtt;

import java.io.IOException;

/**
 * A connect attempt that failed, classified so {@link MqttConnector} knows whether trying MQTT
 * 3.1.1 after MQTT 5 can help. The message names the broker and the reason, never a password.
 */
final class ConnectFailure extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why the broker or the network said no. */
  enum Reason {
    /** The broker does not speak the protocol version we offered: 3.1.1 may work. */
    PROTOCOL_VERSION,
    /** User name, password or certificate refused: another version would be refused too. */
    NOT_AUTHORIZED,
    /** TCP or TLS failed before MQTT started. */
    NETWORK,
    /** Anything else the broker said (client id rejected, server busy, ...) or a timeout. */
    OTHER
  }

  private final Reason reason;

  ConnectFailure(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }
}
