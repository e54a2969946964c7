package io.minicloud.tetherbridge.wiring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.minicloud.tetherbridge.northbound.CommandHandler;
import io.minicloud.tetherbridge.northbound.CommandListener;
import io.minicloud.tetherbridge.northbound.EmbeddedBroker;
import io.minicloud.tetherbridge.northbound.Forwarder;
import io.minicloud.tetherbridge.northbound.MqttSink;
import io.minicloud.tetherbridge.northbound.NorthboundOptions;
import io.minicloud.tetherbridge.publish.MessageSink;
import io.minicloud.tetherbridge.store.DropReason;
import io.minicloud.tetherbridge.store.DurableQueue;
import io.minicloud.tetherbridge.store.DurableQueueOptions;
import io.minicloud.tetherbridge.store.OutboundMessage;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The way north: the durable store-and-forward queue, the MQTT sink and its forwarder, the command
 * listener, and the embedded loopback broker when no broker is configured and none listens on the
 * loopback port (DESIGN §3).
 */
@Singleton
public class Northbound {
  private static final Logger LOG = Logger.getLogger(Northbound.class.getName());

  private final TetherBridgeOptions options;
  private final MeterRegistry registry;
  private final DurableQueue queue;
  private EmbeddedBroker embedded;
  private MqttSink sink;
  private Forwarder forwarder;
  private CommandListener listener;

  public Northbound(TetherBridgeOptions options, MeterRegistry registry) {
    this.options = options;
    this.registry = registry;
    TetherBridgeOptions.Queue q = options.queue();
    this.queue =
        new DurableQueue(
            options.dataDir(),
            new DurableQueueOptions(q.maxMessages(), q.maxBytes().asLongValue()));
    Gauge.builder(
            "minicloud_tether_bridge_queue_depth_messages", queue, DurableQueue::depthMessages)
        .description("Messages waiting in the store-and-forward queue")
        .register(registry);
    Gauge.builder("minicloud_tether_bridge_queue_depth_bytes", queue, DurableQueue::depthBytes)
        .description("Bytes waiting in the store-and-forward queue")
        .register(registry);
    Gauge.builder(
            "minicloud_tether_bridge_queue_oldest_age_seconds",
            queue,
            d -> d.oldestAgeMillis() / 1000.0)
        .description("Age of the oldest queued message")
        .register(registry);
    for (DropReason reason : DropReason.values()) {
      FunctionCounter.builder(
              "minicloud_tether_bridge_queue_dropped", queue, d -> d.dropped(reason))
          .description("Messages dropped by the queue (full, expired, too large)")
          .tag("reason", reason.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }

  /** Where the core's messages go: the queue, with the configured time to live. */
  MessageSink sink() {
    long ttl = options.queue().ttl().toMillis();
    return (device, topic, payload, priority, retain) ->
        queue.offer(
            new OutboundMessage(
                device, topic, payload, 1, retain, priority, System.currentTimeMillis() + ttl));
  }

  /** Connects (in the background: the queue holds everything until the broker answers). */
  void start(String node, CommandHandler commands) throws IOException {
    String uri = options.mqtt().broker().orElse(null);
    if (uri == null) {
      uri = localBroker();
    }
    NorthboundOptions north = NorthboundSettings.from(options.mqtt(), uri, node);
    sink = new MqttSink(north);
    listener = new CommandListener(sink, commands);
    forwarder = new Forwarder(queue, sink);
    sink.start();
    forwarder.start();
    Gauge.builder("minicloud_tether_bridge_mqtt_connected", sink, s -> s.isConnected() ? 1 : 0)
        .description("1 while the northbound MQTT connection is up")
        .register(registry);
    FunctionCounter.builder("minicloud_tether_bridge_mqtt_reconnects", sink, MqttSink::reconnects)
        .description("Northbound MQTT reconnects")
        .register(registry);
    FunctionCounter.builder(
            "minicloud_tether_bridge_mqtt_published", forwarder, Forwarder::confirmed)
        .description("Messages the broker confirmed (PUBACK)")
        .register(registry);
    FunctionCounter.builder("minicloud_tether_bridge_mqtt_resent", forwarder, Forwarder::resent)
        .description("Messages sent again after a lost connection")
        .register(registry);
    Gauge.builder(
            "minicloud_tether_bridge_publish_latency_max_seconds",
            forwarder,
            f -> f.latency().snapshot().maxMillis() / 1000.0)
        .description("Longest enqueue-to-PUBACK time seen")
        .register(registry);
    LOG.info("northbound MQTT: " + uri + " as " + north.clientId());
  }

  /**
   * A broker already listening on the loopback port (a gateway's Mosquitto), or an embedded one.
   */
  private String localBroker() throws IOException {
    int port = options.mqtt().embeddedPort();
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return "tcp://127.0.0.1:" + port;
    } catch (IOException nobodyListens) {
      embedded = new EmbeddedBroker(port, options.dataDir().resolve("broker"));
      embedded.start();
      LOG.info("no MQTT broker configured or listening: embedded broker on " + embedded.uri());
      return embedded.uri();
    }
  }

  @PreDestroy
  void close() {
    if (forwarder != null) {
      forwarder.close();
    }
    if (listener != null) {
      listener.close();
    }
    if (sink != null) {
      sink.close();
    }
    queue.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
