package io.minicloud.tetherbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.mapper.api.peers.MosquittoPeer;
import io.minicloud.tetherbridge.northbound.LatencyRecorder;
import io.minicloud.tetherbridge.runtime.BoundDevice;
import io.minicloud.tetherbridge.runtime.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The tether-bridge's two telemetry numbers against one real Mosquitto: (1) QoS 1 throughput of the
 * production chain (queue → forwarder → sink) against a bare Paho publisher with the same window
 * and payload, (2) latency from a Modbus read to the message at a subscriber. Prints numbers; it
 * never fails on them (docs/PERFORMANCE.md).
 *
 * <p>{@code ./mvnw -B verify -Pbench -pl tether-bridge [-Dbench.runs=5 -Dbench.messages=30000
 * -Dbench.latencyMessages=3000 -Dbench.collectMillis=10]}
 */
public final class TelemetryBench {
  private TelemetryBench() {}

  public static void main(String[] args) throws Exception {
    if (!BenchSelection.includes("telemetry")) {
      return;
    }
    int runs = Integer.getInteger("bench.runs", 5);
    int messages = Integer.getInteger("bench.messages", 30_000);
    int latencyMessages = Integer.getInteger("bench.latencyMessages", 3_000);
    long collectMillis = Long.getLong("bench.collectMillis", 10);
    if (!MosquittoPeer.installed()) {
      System.out.println("telemetry bench: mosquitto is not installed (shared/PEERS.md); skipped");
      return;
    }
    String loadBefore = Stats.loadAverage();
    Path dir = Files.createTempDirectory("telemetry-bench");
    ObjectMapper json = new ObjectMapper();
    PluginRegistry plugins = PluginRegistry.discover();
    BoundDevice device = BenchDevice.bound(dir.resolve("throughput-devices"), plugins);
    ThroughputBench.Sample[] bare = new ThroughputBench.Sample[runs];
    ThroughputBench.Sample[] bridge = new ThroughputBench.Sample[runs];
    String setup;
    long refused;
    LatencyBench.Result latency;
    try (MosquittoPeer broker =
            MosquittoPeer.start(dir.resolve("broker"), MosquittoPeer.Mode.PLAIN);
        BenchSubscriber subscriber = new BenchSubscriber(broker.uri())) {
      CpuMeter cpu = new CpuMeter(dir.resolve("broker"));
      try (ThroughputBench t =
          new ThroughputBench(dir.resolve("queue"), broker.uri(), subscriber, cpu, device, json)) {
        setup = t.describe();
        t.bare(messages); // warm-up of both, not counted
        t.bridge(messages);
        for (int r = 0; r < runs; r++) { // alternating, so drift on the machine hits both alike
          bare[r] = t.bare(messages);
          bridge[r] = t.bridge(messages);
        }
        refused = t.bareRefusedByPaho();
      }
      latency =
          LatencyBench.run(
              dir.resolve("latency"),
              broker.uri(),
              subscriber,
              plugins,
              json,
              collectMillis,
              latencyMessages);
    } finally {
      deleteTree(dir);
    }
    System.out.printf(
        "%ntether-bridge telemetry bench%n"
            + "command: ./mvnw -B verify -Pbench -pl tether-bridge -Dbench.runs=%d"
            + " -Dbench.messages=%d -Dbench.latencyMessages=%d -Dbench.collectMillis=%d%n"
            + "machine: %s; load average %s at start, %s at end%n"
            + "runs inside Maven's JVM (exec:java); broker: MosquittoPeer PLAIN on loopback%n%n",
        runs,
        messages,
        latencyMessages,
        collectMillis,
        Stats.machine(),
        loadBefore,
        Stats.loadAverage());
    if (runs > 0) {
      printThroughput(setup, messages, bare, bridge, refused);
    }
    printLatency(latency, collectMillis);
  }

  private static void printThroughput(
      String setup,
      int messages,
      ThroughputBench.Sample[] bare,
      ThroughputBench.Sample[] bridge,
      long refused) {
    System.out.printf(
        "1. Throughput: %d messages per run, one warm-up run each first, then alternating%n"
            + "   %s%n"
            + "   bare: Paho v5 MqttAsyncClient, one prepared payload; bridge: a producer thread"
            + " calls QueueingPublisher.telemetry() (JSON, SQLite offer) while the Forwarder"
            + " sends through MqttSink%n"
            + "   msg/s = messages / (first publish → last PUBACK); delivered = at the subscriber"
            + " (first publish → last arrival)%n%n",
        messages, setup);
    System.out.println(
        "| run | bare Paho msg/s | bridge msg/s | ratio bridge/bare | bridge producer offers/s"
            + " | delivered bare (msg/s) | delivered bridge (msg/s) |");
    System.out.println("|---|---|---|---|---|---|---|");
    double[] b = new double[bare.length];
    double[] g = new double[bare.length];
    double[] ratio = new double[bare.length];
    double[] offers = new double[bare.length];
    for (int r = 0; r < bare.length; r++) {
      b[r] = bare[r].confirmedPerSecond();
      g[r] = bridge[r].confirmedPerSecond();
      ratio[r] = g[r] / b[r];
      offers[r] = bridge[r].producerPerSecond();
      System.out.printf(
          "| %d | %.0f | %.0f | %.2f | %.0f | %d/%d (%.0f) | %d/%d (%.0f) |%n",
          r + 1,
          b[r],
          g[r],
          ratio[r],
          offers[r],
          bare[r].delivered(),
          bare[r].messages(),
          bare[r].deliveredPerSecond(),
          bridge[r].delivered(),
          bridge[r].messages(),
          bridge[r].deliveredPerSecond());
    }
    System.out.printf(
        "| **median** | **%.0f** | **%.0f** | **%.2f** (of the medians; goal ≥ 0.80) | %.0f | |"
            + " |%n",
        Stats.median(b), Stats.median(g), Stats.median(g) / Stats.median(b), Stats.median(offers));
    System.out.printf(
        "   (bare publishes retried because Paho's in-flight count was still full: %d)%n%n",
        refused);
    System.out.println(
        "   CPU per message, first publish → last PUBACK (medians; the JVM holds the publisher,"
            + " the bridge chain and the subscriber):");
    System.out.println(
        "| path | JVM µs/msg | mosquitto µs/msg | cores busy % | producer thread µs/msg"
            + " | forwarder thread µs/msg |");
    System.out.println("|---|---|---|---|---|---|");
    System.out.printf(
        "| bare Paho | %.1f | %.1f | %.0f | | |%n",
        median(bare, x -> x.cpu().jvmMicrosPerMessage()),
        median(bare, x -> x.cpu().brokerMicrosPerMessage()),
        median(bare, x -> x.cpu().busyPercent()));
    System.out.printf(
        "| bridge | %.1f | %.1f | %.0f | %.1f | %.1f |%n%n",
        median(bridge, x -> x.cpu().jvmMicrosPerMessage()),
        median(bridge, x -> x.cpu().brokerMicrosPerMessage()),
        median(bridge, x -> x.cpu().busyPercent()),
        median(bridge, ThroughputBench.Sample::producerMicros),
        median(bridge, ThroughputBench.Sample::forwarderMicros));
  }

  private static double median(
      ThroughputBench.Sample[] samples,
      java.util.function.ToDoubleFunction<ThroughputBench.Sample> field) {
    return Stats.median(Arrays.stream(samples).mapToDouble(field).toArray());
  }

  private static void printLatency(LatencyBench.Result latency, long collectMillis) {
    double[] ms = Arrays.stream(latency.micros()).mapToDouble(us -> us / 1000.0).toArray();
    LatencyBench.Window forwarder = latency.enqueueToPuback();
    System.out.printf(
        "2. Latency, Modbus read → MQTT message at the subscriber: BridgeRuntime + Modbus plugin"
            + " polling SimulatedModbusSlave (temperature + humidity every %d ms, periodic"
            + " report), QueueingPublisher → DurableQueue → Forwarder → MqttSink → Mosquitto%n"
            + "   latency = subscriber arrival − payload \"timestamp\"; the timestamp is taken"
            + " after the read's reply, so this is read-complete → delivered (no Modbus"
            + " round trip)%n%n",
        collectMillis);
    System.out.println("| messages | rate msg/s | p50 ms | p90 ms | p99 ms | max ms |");
    System.out.println("|---|---|---|---|---|---|");
    if (ms.length == 0) {
      System.out.println("| 0 | | | | | |");
    } else {
      System.out.printf(
          "| %d | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
          ms.length,
          latency.messagesPerSecond(),
          Stats.percentile(ms, 50),
          Stats.percentile(ms, 90),
          Stats.percentile(ms, 99),
          Stats.percentile(ms, 100));
    }
    StringBuilder buckets = new StringBuilder();
    long[] counts = forwarder.bucketCounts();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        String bound =
            i < LatencyRecorder.BOUNDS_MILLIS.length
                ? "≤" + LatencyRecorder.BOUNDS_MILLIS[i]
                : ">" + LatencyRecorder.BOUNDS_MILLIS[i - 1];
        buckets.append(' ').append(bound).append(" ms: ").append(counts[i]);
      }
    }
    System.out.printf(
        "   the forwarder's own enqueue → PUBACK meanwhile: %d messages, mean %.2f ms (whole ms,"
            + " rounded down);%s; queue depth at end %d%n",
        forwarder.count(), forwarder.meanMillis(), buckets, latency.queueDepthAtEnd());
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
