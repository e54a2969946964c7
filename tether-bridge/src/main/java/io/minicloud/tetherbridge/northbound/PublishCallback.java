package io.minicloud.tetherbridge.northbound;

/**
 * The outcome of one publish; exactly one method is called, on the MQTT client's thread, so it must
 * return quickly.
 */
public interface PublishCallback {
  /** The broker confirmed (PUBACK for QoS 1) or the message was written to the socket (QoS 0). */
  void confirmed();

  /** The broker answered with an MQTT 5 error reason code: it will never take this message. */
  void rejected(int reasonCode);

  /** The outcome is unknown (usually the connection dropped): the message must be sent again. */
  void failed(Throwable cause);
}
