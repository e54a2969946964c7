package io.minicloud.tetherbridge.northbound;

/** The northbound MQTT client failed; the message names the broker and the reason. */
public class MqttSinkException extends Exception {
  public MqttSinkException(String message, Throwable cause) {
    super(message, cause);
  }
}
