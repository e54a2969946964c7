package io.minicloud.tetherbridge.wiring;

import io.minicloud.tetherbridge.publish.CommandDispatcher;
import io.minicloud.tetherbridge.publish.MessageSink;
import io.minicloud.tetherbridge.publish.Topics;
import jakarta.inject.Singleton;

/** INTERIM: replaced by the store-and-forward + MQTT wiring before commit. */
@Singleton
public class Northbound {
  MessageSink sink() {
    return (device, topic, payload, priority, retain) -> {};
  }

  void start(Topics topics, CommandDispatcher dispatcher) {}
}
