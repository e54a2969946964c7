package io.minicloud.tetherbridge.northbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.tetherbridge.northbound.ScriptedConnector.Connection;
import io.minicloud.tetherbridge.northbound.ScriptedConnector.Publish;
import io.minicloud.tetherbridge.store.DurableQueue;
import io.minicloud.tetherbridge.store.DurableQueueOptions;
import io.minicloud.tetherbridge.store.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForwarderTest {
  private static final int WINDOW = 4;

  @TempDir Path dir;
  private final ScriptedConnector broker = new ScriptedConnector();
  private DurableQueue queue;
  private MqttSink sink;
  private Forwarder forwarder;

  @BeforeEach
  void start() {
    queue = new DurableQueue(dir, new DurableQueueOptions(10_000, 10_000_000));
    NorthboundOptions options =
        NorthboundOptions.builder("tcp://scripted:1883", "gw").inflightWindow(WINDOW).build();
    ReconnectOptions fast = new ReconnectOptions(Duration.ofMillis(1), Duration.ofMillis(5), 2);
    sink = new MqttSink(options, broker, fast.backoff(new Random(1)));
    forwarder = new Forwarder(queue, sink);
    forwarder.start();
    sink.start();
  }

  @AfterEach
  void stop() {
    forwarder.close();
    sink.close();
    queue.close();
  }

  private void offer(String device, int n) {
    queue.offer(
        OutboundMessage.of(
            device,
            "minicloud/v1/gw/" + device + "/state",
            (device + ":" + n).getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> texts(List<Publish> published) {
    List<String> out = new ArrayList<>();
    published.forEach(p -> out.add(p.text()));
    return out;
  }

  @Test
  void publishesInOrderWithAtMostAWindowInFlightAndDeletesOnlyConfirmed() {
    // GIVEN ten queued readings of two devices
    for (int n = 1; n <= 5; n++) {
      offer("a", n);
      offer("b", n);
    }
    Waiting.until("a connection", () -> !broker.connections.isEmpty());
    Connection c = broker.last();

    // WHEN the broker confirms nothing yet
    Waiting.until("a full window", () -> c.published.size() == WINDOW);

    // THEN only the window went out, in queue order, and nothing was deleted
    assertEquals(List.of("a:1", "b:1", "a:2", "b:2"), texts(c.published));
    assertEquals(10, queue.depthMessages());

    // AND WHEN the broker confirms two, the next two go out and the two confirmed are deleted
    c.confirm(2);
    Waiting.until("two more", () -> c.published.size() == WINDOW + 2);
    Waiting.until("deletes", () -> queue.depthMessages() == 8);
    assertEquals(List.of("a:3", "b:3"), texts(c.published.subList(4, 6)));
    assertEquals(2, forwarder.confirmed());
    assertEquals(2, forwarder.latency().snapshot().count());
  }

  @Test
  void afterADisconnectResendsFromTheOldestUnconfirmedWithoutGaps() {
    // GIVEN six readings of one device, four sent and the first two confirmed
    for (int n = 1; n <= 6; n++) {
      offer("a", n);
    }
    Waiting.until("a connection", () -> !broker.connections.isEmpty());
    Connection first = broker.last();
    Waiting.until("a full window", () -> first.published.size() == WINDOW);
    first.confirm(2);
    Waiting.until("the window refilled", () -> first.published.size() == WINDOW + 2);

    // WHEN the connection drops with a:3..a:6 unconfirmed and the sink reconnects
    first.drop("broker went away");
    Waiting.until("a reconnect", () -> broker.connections.size() == 2 && sink.isConnected());
    Connection second = broker.last();
    Waiting.until("the resend", () -> second.published.size() == WINDOW);

    // THEN the new connection starts at a:3, in order; a:1 and a:2 are never sent again
    assertEquals(List.of("a:3", "a:4", "a:5", "a:6"), texts(second.published));
    assertEquals(4, forwarder.resent());
    assertEquals(1, sink.reconnects());
    assertTrue(forwarder.failed() >= 4, "failed " + forwarder.failed());

    // AND once confirmed, the queue is empty
    second.confirm(4);
    Waiting.until("an empty queue", () -> queue.depthMessages() == 0);
  }

  @Test
  void waitsWhenTheClientWindowIsFullInsteadOfSkippingAMessage() {
    // GIVEN a client that takes only two publishes at a time (as a broker's receive maximum does)
    broker.clientWindow = 2;
    for (int n = 1; n <= 5; n++) {
      offer("a", n);
    }
    Waiting.until("a connection", () -> !broker.connections.isEmpty());
    Connection c = broker.last();
    Waiting.until("two sent", () -> c.published.size() == 2);

    // WHEN the broker confirms them one at a time
    for (int sent = 2; sent < 5; sent++) {
      c.confirm(1);
      int expected = sent + 1;
      Waiting.until("the next one", () -> c.published.size() == expected);
    }
    c.confirm(2);

    // THEN everything went out once, in order, and nothing is left
    assertEquals(List.of("a:1", "a:2", "a:3", "a:4", "a:5"), texts(c.published));
    Waiting.until("an empty queue", () -> queue.depthMessages() == 0);
    assertEquals(0, forwarder.resent());
  }

  @Test
  void aMessageTheBrokerRejectsIsDroppedAndCountedNotRetriedForever() {
    // GIVEN one message
    offer("a", 1);
    Waiting.until("a connection", () -> !broker.connections.isEmpty());
    Connection c = broker.last();
    Waiting.until("it is sent", () -> c.published.size() == 1);

    // WHEN the broker refuses it (MQTT 5 "not authorized")
    c.rejectOldest(0x87);

    // THEN it is deleted, counted as rejected, and not sent again
    Waiting.until("the delete", () -> queue.depthMessages() == 0);
    assertEquals(1, forwarder.rejected());
    assertEquals(0, forwarder.confirmed());
    assertEquals(1, c.published.size());
  }
}
