package io.minicloud.tetherbridge.northbound;

/** A connection attempt failed; {@link #kind()} says whether trying again differently can help. */
public final class MqttConnectException extends MqttSinkException {

  /** Why the attempt failed, coarsely: enough to decide on a protocol fallback or a retry. */
  public enum Kind {
    /** Nothing answered: refused, unreachable, timed out. Retry later. */
    NETWORK,
    /** The TLS handshake failed: certificate, host name, protocol. A config problem. */
    TLS,
    /** The broker refused the user name, password or client certificate, or the client id. */
    REFUSED_AUTH,
    /** The broker does not speak this MQTT version (or hung up on a CONNECT it did not parse). */
    REFUSED_PROTOCOL,
    /** Any other refusal or failure. */
    OTHER
  }

  private final Kind kind;

  public MqttConnectException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
