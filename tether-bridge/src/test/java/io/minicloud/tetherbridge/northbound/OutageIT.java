package io.minicloud.tetherbridge.northbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.peers.MosquittoPeer;
import io.minicloud.mapper.api.peers.MosquittoPeer.Mode;
import io.minicloud.tetherbridge.store.DurableQueue;
import io.minicloud.tetherbridge.store.DurableQueueOptions;
import io.minicloud.tetherbridge.store.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of store-and-forward: three devices report every 20 ms while the broker is
 * down, and in the long case the bridge itself restarts from its data dir in the middle of the
 * outage. A subscriber with a kept session, subscribed before it all, must in the end have every
 * reading of every device, and no reading may arrive while an earlier one of its device is still
 * missing. Duplicates are allowed: at-least-once resends from the oldest unconfirmed message.
 */
@Tag("peer")
class OutageIT {
  private static final String[] DEVICES = {"pump", "meter", "valve"};
  private static final long PERIOD_MILLIS = 20;

  @TempDir Path dir;
  private MosquittoPeer broker;
  private TestSubscriber subscriber;
  private NorthboundOptions options;

  /** Everything the bridge process holds: closing it is the bridge stopping. */
  private record Bridge(DurableQueue queue, MqttSink sink, Forwarder forwarder) {
    static Bridge open(Path data, NorthboundOptions options) {
      DurableQueue queue = new DurableQueue(data, DurableQueueOptions.DEFAULTS);
      MqttSink sink = new MqttSink(options);
      Forwarder forwarder = new Forwarder(queue, sink);
      forwarder.start();
      sink.start();
      return new Bridge(queue, sink, forwarder);
    }

    void close() {
      forwarder.close();
      sink.close();
      queue.close();
    }
  }

  @BeforeEach
  void startBrokerAndSubscriber() throws Exception {
    assertTrue(MosquittoPeer.installed(), "mosquitto is missing (shared/PEERS.md)");
    // Mosquitto's default keeps only 1000 queued messages for an offline subscriber and drops the
    // rest: that would hide our losses behind its own, so the observer's queue is unbounded
    broker = MosquittoPeer.start(dir.resolve("broker"), Mode.PLAIN);
    broker.stop();
    Files.writeString(
        dir.resolve("broker/mosquitto.conf"), "max_queued_messages 0\n", StandardOpenOption.APPEND);
    broker.start();
    options =
        NorthboundOptions.builder(broker.uri(), "gw")
            .reconnect(new ReconnectOptions(Duration.ofMillis(200), Duration.ofSeconds(5), 2))
            .build();
    subscriber =
        new TestSubscriber(
            broker, "outage-observer", true, options.topicRoot().root() + "/+/state");
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    subscriber.close();
    broker.close();
  }

  @Test
  void noReadingIsLostOrReorderedThroughA60sOutageAndABridgeRestart() throws Exception {
    Result r = run(Duration.ofSeconds(60), true);

    r.print("60 s outage + bridge restart");
    r.assertCompleteAndInOrder();
    assertTrue(r.maxDepth > 100 * DEVICES.length, "the outage built a backlog: " + r.maxDepth);
  }

  @Test
  void aShortBrokerRestartIsBridgedByTheSameProcessReconnecting() throws Exception {
    Result r = run(Duration.ofSeconds(3), false);

    r.print("3 s broker restart");
    r.assertCompleteAndInOrder();
    assertEquals(1, r.reconnects, "the same sink reconnected once");
  }

  private Result run(Duration outage, boolean restartBridge) throws Exception {
    // GIVEN the bridge, and a producer offering one reading per device every 20 ms, from 1 up
    Path data = dir.resolve("data");
    TopicRoot root = options.topicRoot();
    Object bridgeLock = new Object();
    Bridge[] bridge = {Bridge.open(data, options)};
    assertTrue(bridge[0].sink().awaitConnected(Duration.ofSeconds(20)));
    Result r = new Result();
    for (String d : DEVICES) {
      r.sent.put(d, new AtomicLong());
    }
    ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
    producer.scheduleAtFixedRate(
        () -> {
          synchronized (bridgeLock) {
            for (String d : DEVICES) {
              long n = r.sent.get(d).get() + 1;
              bridge[0].queue().offer(OutboundMessage.of(d, root.state(d), bytes(n)));
              r.sent.get(d).set(n);
            }
            r.maxDepth = Math.max(r.maxDepth, bridge[0].queue().depthMessages());
          }
        },
        0,
        PERIOD_MILLIS,
        TimeUnit.MILLISECONDS);

    // WHEN the broker goes down (and the bridge restarts halfway through the outage)
    Thread.sleep(5_000);
    broker.stop();
    long outageStart = System.nanoTime();
    if (restartBridge) {
      Thread.sleep(outage.toMillis() / 2);
      synchronized (bridgeLock) {
        r.add(bridge[0]);
        bridge[0].close();
        bridge[0] = Bridge.open(data, options);
      }
    }
    Thread.sleep(Math.max(0, outage.toMillis() - (System.nanoTime() - outageStart) / 1_000_000));
    broker.start();
    long backAt = System.nanoTime();
    r.backlogAtRecovery = bridge[0].queue().depthMessages();
    Bridge last = bridge[0];
    Waiting.until(
        "the backlog drained",
        Duration.ofSeconds(120),
        () -> last.queue().depthMessages() < 50,
        () -> "depth " + last.queue().depthMessages());
    r.drainMillis = (System.nanoTime() - backAt) / 1_000_000;
    Thread.sleep(3_000);
    producer.shutdown();
    assertTrue(producer.awaitTermination(5, TimeUnit.SECONDS));

    // THEN the queue empties and the subscriber gets every reading
    long total = r.sent.values().stream().mapToLong(AtomicLong::get).sum();
    Waiting.until(
        "an empty queue",
        Duration.ofSeconds(60),
        () -> last.queue().depthMessages() == 0,
        () -> "depth " + last.queue().depthMessages());
    Waiting.until(
        "every reading received",
        Duration.ofSeconds(60),
        () -> subscriber.received.size() >= total,
        () -> subscriber.received.size() + " of " + total);
    Thread.sleep(1_000); // late duplicates count too
    r.add(last);
    r.latencyMax = last.forwarder().latency().snapshot().maxMillis();
    last.close();
    r.check(new ArrayList<>(subscriber.received));
    return r;
  }

  /** What one scenario sent, received and counted. */
  private static final class Result {
    final Map<String, AtomicLong> sent = new TreeMap<>();
    final Map<String, Long> nextExpected = new TreeMap<>();
    final List<String> violations = new ArrayList<>();
    long received;
    long duplicates;
    long maxDepth;
    long backlogAtRecovery;
    long drainMillis;
    long resent;
    long failed;
    long reconnects;
    long latencyMax;

    void add(Bridge b) {
      resent += b.forwarder().resent();
      failed += b.forwarder().failed();
      reconnects += b.sink().reconnects();
    }

    /** A first arrival must be the next reading of its device; lower ones are duplicates. */
    void check(List<String> lines) {
      for (String d : DEVICES) {
        nextExpected.put(d, 1L);
      }
      for (String line : lines) {
        // "minicloud/v1/gw/<device>/state <n>"
        String device = line.split("/")[3];
        long n = Long.parseLong(line.substring(line.indexOf(' ') + 1));
        long next = nextExpected.get(device);
        if (n < next) {
          duplicates++;
        } else if (n == next) {
          nextExpected.put(device, next + 1);
        } else if (violations.size() < 10) {
          violations.add(device + ": got " + n + " while " + next + " was still missing");
        }
      }
      received = lines.size();
    }

    void assertCompleteAndInOrder() {
      assertTrue(violations.isEmpty(), "lost or out of order: " + violations);
      for (String d : DEVICES) {
        assertEquals(sent.get(d).get(), nextExpected.get(d) - 1, d + ": last in-order reading");
      }
    }

    void print(String scenario) {
      System.out.printf(
          "OUTAGE RESULT (%s): sent %s = %d; received %d, duplicates %d; max backlog %d"
              + " messages, %d when the broker came back, drained in %d ms; resent %d, failed"
              + " %d, reconnects %d; publish latency max %d ms%n",
          scenario,
          sent,
          sent.values().stream().mapToLong(AtomicLong::get).sum(),
          received,
          duplicates,
          maxDepth,
          backlogAtRecovery,
          drainMillis,
          resent,
          failed,
          reconnects,
          latencyMax);
    }
  }

  private static byte[] bytes(long n) {
    return Long.toString(n).getBytes(StandardCharsets.UTF_8);
  }
}
