package io.minicloud.tetherbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.tetherbridge.northbound.TopicRoot;
import io.minicloud.tetherbridge.publish.Payloads;
import io.minicloud.tetherbridge.runtime.BoundDevice;
import io.minicloud.tetherbridge.runtime.BoundProperty;
import io.minicloud.tetherbridge.runtime.Reading;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Throughput of QoS 1 telemetry into one Mosquitto: the bare Paho reference against the bridge's
 * production chain, each publishing {@code n} messages as fast as it can, counted on both sides.
 */
final class ThroughputBench implements AutoCloseable {
  static final String BARE_NODE = "bench-ref";
  static final String BRIDGE_NODE = "bench-brg";

  /**
   * One run. Rates are messages per second from the first publish (or offer) to the last PUBACK
   * ({@code confirmedPerSecond}) and to the last arrival at the subscriber.
   *
   * @param producerPerSecond the bridge producer's offer rate (0 for bare Paho)
   * @param cpu CPU per message of this JVM and of Mosquitto, first publish to last PUBACK
   * @param producerMicros the bridge producer thread's CPU per message (JSON, topic, SQLite offer)
   * @param forwarderMicros the forwarder thread's CPU per message (peek, publish, delete)
   */
  record Sample(
      int messages,
      double confirmedPerSecond,
      long delivered,
      double deliveredPerSecond,
      double producerPerSecond,
      CpuMeter.Usage cpu,
      double producerMicros,
      double forwarderMicros) {}

  private final BenchSubscriber subscriber;
  private final CpuMeter cpu;
  private final Thread forwarderThread;
  private final BarePahoPublisher bare;
  private final BridgeChain bridge;
  private final BoundDevice device;
  private final BoundProperty property;
  private final String bareTopic;
  private final byte[] barePayload;

  ThroughputBench(
      Path dir,
      String brokerUri,
      BenchSubscriber subscriber,
      CpuMeter cpu,
      BoundDevice device,
      ObjectMapper json)
      throws Exception {
    this.subscriber = subscriber;
    this.cpu = cpu;
    this.device = device;
    this.property = device.property("temperature").orElseThrow();
    this.bare = new BarePahoPublisher(brokerUri, BridgeChain.WINDOW);
    this.bridge = new BridgeChain(dir, brokerUri, BRIDGE_NODE, json);
    this.forwarderThread = CpuMeter.thread("northbound-forwarder");
    this.bareTopic = new TopicRoot(BARE_NODE).telemetry(device.name(), property.name());
    this.barePayload = new Payloads(json).telemetry(device.name(), property, reading(0));
  }

  private static Reading reading(int i) {
    return Reading.good(DoubleValue.of(20 + (i % 100) / 10.0), Instant.now());
  }

  String describe() {
    Integer receiveMax = bare.brokerReceiveMaximum();
    return String.format(
        "payload %d bytes (the bridge's telemetry JSON) on %s (%d bytes), QoS 1;"
            + " in-flight window %d (bridge setting %d, broker Receive Maximum %s)",
        barePayload.length,
        bareTopic,
        bareTopic.length(),
        bare.window(),
        BridgeChain.WINDOW,
        receiveMax == null ? "not sent (65535)" : receiveMax.toString());
  }

  Sample bare(int n) throws Exception {
    subscriber.reset(BARE_NODE);
    CpuMeter.Snapshot before = cpu.now();
    long start = System.nanoTime();
    long elapsed = bare.publish(bareTopic, barePayload, n);
    CpuMeter.Usage usage = CpuMeter.Usage.between(before, cpu.now(), n);
    return sample(BARE_NODE, n, start, elapsed, 0, usage, 0, 0);
  }

  Sample bridge(int n) throws Exception {
    subscriber.reset(BRIDGE_NODE);
    long confirmedBefore = bridge.forwarder().confirmed();
    long[] producerNanos = new long[2]; // wall, CPU
    long forwarderBefore = CpuMeter.threadNanos(forwarderThread);
    CpuMeter.Snapshot before = cpu.now();
    long start = System.nanoTime();
    Thread producer =
        new Thread(
            () -> {
              long cpuStart = CpuMeter.currentThreadNanos();
              for (int i = 0; i < n; i++) {
                bridge.publisher().telemetry(device, property, reading(i));
              }
              producerNanos[0] = System.nanoTime() - start;
              producerNanos[1] = CpuMeter.currentThreadNanos() - cpuStart;
            },
            "bench-producer");
    producer.start();
    long deadline = start + TimeUnit.MINUTES.toNanos(5);
    while (bridge.forwarder().confirmed() - confirmedBefore < n) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "bridge: only "
                + (bridge.forwarder().confirmed() - confirmedBefore)
                + " of "
                + n
                + " confirmed after 5 min; queue depth "
                + bridge.queue().depthMessages());
      }
      LockSupport.parkNanos(100_000);
    }
    long elapsed = System.nanoTime() - start;
    CpuMeter.Usage usage = CpuMeter.Usage.between(before, cpu.now(), n);
    double forwarderMicros = (CpuMeter.threadNanos(forwarderThread) - forwarderBefore) / 1e3 / n;
    producer.join();
    return sample(
        BRIDGE_NODE,
        n,
        start,
        elapsed,
        n / (producerNanos[0] / 1e9),
        usage,
        producerNanos[1] / 1e3 / n,
        forwarderMicros);
  }

  long bareRefusedByPaho() {
    return bare.refusedByPaho();
  }

  /** Waits until the subscriber has all {@code n}, or nothing more came for 2 s. */
  private Sample sample(
      String node,
      int n,
      long start,
      long elapsed,
      double producerRate,
      CpuMeter.Usage usage,
      double producerMicros,
      double forwarderMicros)
      throws InterruptedException {
    BenchSubscriber.Count count = subscriber.count(node);
    long last = -1;
    long quietSince = System.nanoTime();
    while (count.messages.get() < n) {
      long now = count.messages.get();
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(2)) {
        break;
      }
      Thread.sleep(5);
    }
    long delivered = count.messages.get();
    double deliveredRate = delivered / ((count.lastArrivalNanos - start) / 1e9);
    return new Sample(
        n,
        n / (elapsed / 1e9),
        delivered,
        deliveredRate,
        producerRate,
        usage,
        producerMicros,
        forwarderMicros);
  }

  @Override
  public void close() throws Exception {
    bridge.close();
    bare.close();
  }
}
