package io.minicloud.tetherbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.mapper.modbus.sim.SimulatedModbusSlave;
import io.minicloud.tetherbridge.northbound.LatencyRecorder;
import io.minicloud.tetherbridge.runtime.BridgeRuntime;
import io.minicloud.tetherbridge.runtime.DeviceBinder;
import io.minicloud.tetherbridge.runtime.PluginRegistry;
import io.minicloud.tetherbridge.runtime.RuntimeMetrics;
import io.minicloud.tetherbridge.runtime.RuntimeSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end latency, device read to MQTT message: a real {@link BridgeRuntime} with the Modbus
 * plugin polls the simulated climate controller through the production chain into Mosquitto; the
 * subscriber takes arrival time minus the payload's {@code timestamp} of each telemetry message.
 * The core stamps a reading when the (merged) read's reply is in, so this is read-complete to
 * delivered: Modbus round trip not included; JSON, queue, forwarder, broker and subscriber are.
 */
final class LatencyBench {
  static final String NODE = "bench-lat";

  /**
   * @param micros one latency per telemetry message, microseconds
   * @param messagesPerSecond the telemetry rate while recording
   * @param enqueueToPuback the forwarder's own enqueue → PUBACK times while recording (all
   *     messages, state included; whole milliseconds, so the mean is rounded down)
   */
  record Result(
      long[] micros, double messagesPerSecond, Window enqueueToPuback, long queueDepthAtEnd) {}

  /** The forwarder's latency recorder between two snapshots. */
  record Window(long count, double meanMillis, long[] bucketCounts) {
    static Window between(LatencyRecorder.Snapshot a, LatencyRecorder.Snapshot b) {
      long[] buckets = b.bucketCounts().clone();
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] -= a.bucketCounts()[i];
      }
      long count = b.count() - a.count();
      double mean = count == 0 ? 0 : (double) (b.sumMillis() - a.sumMillis()) / count;
      return new Window(count, mean, buckets);
    }
  }

  private LatencyBench() {}

  static Result run(
      Path dir,
      String brokerUri,
      BenchSubscriber subscriber,
      PluginRegistry plugins,
      ObjectMapper json,
      long collectMillis,
      int messages)
      throws Exception {
    try (SimulatedModbusSlave slave = SimulatedModbusSlave.start(0);
        BridgeChain chain = new BridgeChain(dir.resolve("data"), brokerUri, NODE, json);
        BridgeRuntime runtime =
            new BridgeRuntime(
                new DeviceBinder(plugins, 1000),
                chain.publisher(),
                RuntimeMetrics.NONE,
                Clock.systemUTC(),
                RuntimeSettings.defaults())) {
      runtime.apply(BenchDevice.write(dir.resolve("devices"), slave.port(), collectMillis));
      // warm-up: a couple of seconds of polling before anything is recorded
      BenchSubscriber.Count count = subscriber.count(NODE);
      awaitCount(count, 2 * 1000 / collectMillis, 30);
      subscriber.recordLatency(NODE, messages);
      LatencyRecorder.Snapshot before = chain.forwarder().latency().snapshot();
      long start = System.nanoTime();
      long deadline = start + TimeUnit.MINUTES.toNanos(5);
      while (subscriber.latencySamples() < messages && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] micros = subscriber.stopLatency();
      return new Result(
          micros,
          micros.length / seconds,
          Window.between(before, chain.forwarder().latency().snapshot()),
          chain.queue().depthMessages());
    }
  }

  private static void awaitCount(BenchSubscriber.Count count, long n, int timeoutSeconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (count.messages.get() < n) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "latency: only " + count.messages.get() + " messages from the device in warm-up");
      }
      Thread.sleep(10);
    }
  }
}
