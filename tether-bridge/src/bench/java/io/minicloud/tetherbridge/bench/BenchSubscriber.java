package io.minicloud.tetherbridge.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The consumer side: one Paho v5 client subscribed (QoS 1) to {@code minicloud/v1/#}, counting
 * messages per node (the topic's third level) and, for the latency node, recording arrival minus
 * the payload's {@code "timestamp"} of every telemetry message. Independent of the bridge's code.
 * Its Receive Maximum is 65535, so Mosquitto sends it everything at once instead of queueing behind
 * 20 unconfirmed messages and dropping past {@code max_queued_messages} (1000) when the publisher
 * is faster than this subscriber.
 */
final class BenchSubscriber implements AutoCloseable {
  private static final byte[] TIMESTAMP_KEY = "\"timestamp\":\"".getBytes(StandardCharsets.UTF_8);

  /** Messages of one node since its last {@link #reset}. */
  static final class Count {
    final AtomicLong messages = new AtomicLong();
    volatile long lastArrivalNanos;
  }

  private final MqttAsyncClient client;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Count> counts = new ConcurrentHashMap<>();
  private volatile String latencyNode;
  private volatile long[] latencyMicros = new long[0];
  private final AtomicLong latencySamples = new AtomicLong();

  BenchSubscriber(String uri) throws MqttException {
    client = BenchMqtt.subscribe(uri, "bench-subscriber", "minicloud/v1/#", this::arrived);
  }

  private void arrived(String topic, byte[] payload, long nanos) {
    int from = "minicloud/v1/".length();
    int to = topic.indexOf('/', from);
    String node = to < 0 ? topic.substring(from) : topic.substring(from, to);
    Count c = counts.computeIfAbsent(node, n -> new Count());
    c.messages.incrementAndGet();
    c.lastArrivalNanos = nanos;
    if (node.equals(latencyNode) && topic.contains("/telemetry/")) {
      Instant now = clock.instant();
      Instant read = timestamp(payload);
      long i = latencySamples.getAndIncrement();
      long[] samples = latencyMicros;
      if (read != null && i < samples.length) {
        samples[(int) i] = ChronoUnit.MICROS.between(read, now);
      }
    }
  }

  /** The payload's "timestamp" (the bridge writes it as Instant.toString()), or null. */
  private static Instant timestamp(byte[] payload) {
    int at = indexOf(payload, TIMESTAMP_KEY);
    if (at < 0) {
      return null;
    }
    int start = at + TIMESTAMP_KEY.length;
    int end = start;
    while (end < payload.length && payload[end] != '"') {
      end++;
    }
    return Instant.parse(new String(payload, start, end - start, StandardCharsets.US_ASCII));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  Count count(String node) {
    return counts.computeIfAbsent(node, n -> new Count());
  }

  void reset(String node) {
    counts.put(node, new Count());
  }

  /** Records latencies of {@code node}'s telemetry from now on, at most {@code max} of them. */
  void recordLatency(String node, int max) {
    latencyMicros = new long[max];
    latencySamples.set(0);
    latencyNode = node;
  }

  /** The latencies recorded so far (microseconds), and stops recording. */
  long[] stopLatency() {
    latencyNode = null;
    int n = (int) Math.min(latencySamples.get(), latencyMicros.length);
    return java.util.Arrays.copyOf(latencyMicros, n);
  }

  long latencySamples() {
    return latencySamples.get();
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect(1_000).waitForCompletion(2_000);
    }
    client.close(true);
  }
}
