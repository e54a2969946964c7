package io.minicloud.tetherbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.tetherbridge.northbound.Forwarder;
import io.minicloud.tetherbridge.northbound.MqttSink;
import io.minicloud.tetherbridge.northbound.NorthboundOptions;
import io.minicloud.tetherbridge.northbound.TopicRoot;
import io.minicloud.tetherbridge.publish.MessageSink;
import io.minicloud.tetherbridge.publish.Payloads;
import io.minicloud.tetherbridge.publish.QueueingPublisher;
import io.minicloud.tetherbridge.store.DurableQueue;
import io.minicloud.tetherbridge.store.DurableQueueOptions;
import io.minicloud.tetherbridge.store.OutboundMessage;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The production way north, built as wiring/Northbound and wiring/BridgeService build it (without
 * Quarkus): {@code QueueingPublisher → MessageSink (DurableQueue.offer with the TTL) → Forwarder →
 * MqttSink}, with the shipped defaults (queue 200 000 messages / 64 MiB, TTL 7 d, window 32).
 */
final class BridgeChain implements AutoCloseable {
  static final DurableQueueOptions QUEUE = new DurableQueueOptions(200_000, 64L * 1024 * 1024);
  static final Duration TTL = Duration.ofDays(7);
  static final int WINDOW = 32;

  private final DurableQueue queue;
  private final MqttSink sink;
  private final Forwarder forwarder;
  private final QueueingPublisher publisher;

  BridgeChain(Path dataDir, String brokerUri, String node, ObjectMapper json)
      throws InterruptedException {
    queue = new DurableQueue(dataDir, QUEUE);
    publisher = new QueueingPublisher(new TopicRoot(node), new Payloads(json), sink(queue));
    NorthboundOptions options =
        NorthboundOptions.builder(brokerUri, node)
            .clientId("bench-bridge-" + node)
            .inflightWindow(WINDOW)
            .build();
    sink = new MqttSink(options);
    forwarder = new Forwarder(queue, sink);
    sink.start();
    forwarder.start();
    if (!sink.awaitConnected(Duration.ofSeconds(10))) {
      throw new IllegalStateException("bridge sink did not connect: " + sink.lastError());
    }
  }

  /** The same lambda as Northbound.sink() (package-private there, so repeated here). */
  private static MessageSink sink(DurableQueue queue) {
    long ttl = TTL.toMillis();
    return (device, topic, payload, priority, retain) ->
        queue.offer(
            new OutboundMessage(
                device, topic, payload, 1, retain, priority, System.currentTimeMillis() + ttl));
  }

  QueueingPublisher publisher() {
    return publisher;
  }

  Forwarder forwarder() {
    return forwarder;
  }

  DurableQueue queue() {
    return queue;
  }

  MqttSink sink() {
    return sink;
  }

  @Override
  public void close() {
    forwarder.close();
    sink.close();
    queue.close();
  }
}
