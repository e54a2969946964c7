package io.minicloud.tetherbridge.publish;

/**
 * Where messages for the broker go: the durable store-and-forward queue in production. Must not
 * block for long; a full queue drops by its own policy and counts it.
 */
@FunctionalInterface
public interface MessageSink {

  /** Higher is sent first: state and twin before telemetry. */
  int PRIORITY_TELEMETRY = 0;

  int PRIORITY_STATE = 5;

  void offer(String device, String topic, byte[] payload, int priority, boolean retain);
}
