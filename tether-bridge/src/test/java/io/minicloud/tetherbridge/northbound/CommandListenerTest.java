package io.minicloud.tetherbridge.northbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandListenerTest {
  private final ScriptedConnector broker = new ScriptedConnector();
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private MqttSink sink;

  @BeforeEach
  void start() {
    NorthboundOptions options = NorthboundOptions.builder("tcp://scripted:1883", "gw").build();
    ReconnectOptions fast = new ReconnectOptions(Duration.ofMillis(1), Duration.ofMillis(5), 2);
    sink = new MqttSink(options, broker, fast.backoff(new Random(1)));
  }

  @AfterEach
  void stop() {
    sink.close();
  }

  private void connect() throws InterruptedException {
    sink.start();
    assertTrue(sink.awaitConnected(Duration.ofSeconds(5)));
  }

  @Test
  void handsCommandsAndDesiredStateToTheHandler() throws Exception {
    // GIVEN a listener on a connected sink
    try (CommandListener listener =
        new CommandListener(
            sink, (d, m, p) -> handled.add(d + " " + m + " " + new String(p, "UTF-8")))) {
      connect();

      // WHEN a command and a desired state arrive
      broker.last().deliver("minicloud/v1/gw/pump/cmd/write", bytes("{\"speed\":3}"));
      broker.last().deliver("minicloud/v1/gw/pump/twin/desired", bytes("{\"on\":true}"));

      // THEN the handler gets both, in order, with device and method
      Waiting.until("two handled", () -> handled.size() == 2);
      assertEquals(List.of("pump write {\"speed\":3}", "pump desired {\"on\":true}"), handled);
      assertEquals(
          List.of("minicloud/v1/gw/+/cmd/+", "minicloud/v1/gw/+/twin/desired"),
          broker.last().subscribed);
      assertEquals(2, listener.handled());
    }
  }

  @Test
  void ignoresMalformedTopicsAndOversizedPayloadsWithCounters() throws Exception {
    try (CommandListener listener = new CommandListener(sink, (d, m, p) -> handled.add(m))) {
      connect();

      // WHEN a reserved method, an empty device, and a payload over 64 KiB arrive
      broker.last().deliver("minicloud/v1/gw/pump/cmd/desired", bytes("x"));
      broker.last().deliver("minicloud/v1/gw//cmd/write", bytes("x"));
      broker
          .last()
          .deliver(
              "minicloud/v1/gw/pump/cmd/write", new byte[CommandListener.MAX_PAYLOAD_BYTES + 1]);
      broker
          .last()
          .deliver("minicloud/v1/gw/pump/cmd/write", new byte[CommandListener.MAX_PAYLOAD_BYTES]);

      // THEN only the last one (exactly at the limit) is handled; the others are counted
      Waiting.until("one handled", () -> listener.handled() == 1);
      assertEquals(4, listener.received());
      assertEquals(2, listener.malformed());
      assertEquals(1, listener.oversized());
    }
  }

  @Test
  void aSlowHandlerDoesNotBlockTheClientAndAFullBacklogDropsWithACount() throws Exception {
    // GIVEN a handler stuck on its first command
    CountDownLatch release = new CountDownLatch(1);
    try (CommandListener listener =
        new CommandListener(sink, (d, m, p) -> release.await(10, TimeUnit.SECONDS))) {
      connect();

      // WHEN more commands arrive than the backlog holds
      long start = System.nanoTime();
      for (int i = 0; i < CommandListener.BACKLOG + 10; i++) {
        broker.last().deliver("minicloud/v1/gw/pump/cmd/write", bytes("" + i));
      }
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      release.countDown();

      // THEN delivering never waited on the handler, and the overflow was counted
      assertTrue(elapsedMillis < 2_000, "delivery took " + elapsedMillis + " ms");
      assertTrue(listener.overflowed() >= 9, "overflowed " + listener.overflowed());
      Waiting.until(
          "the backlog handled",
          () -> listener.handled() + listener.overflowed() == CommandListener.BACKLOG + 10);
    }
  }

  @Test
  void aFailingHandlerIsCountedAndTheNextCommandStillRuns() throws Exception {
    try (CommandListener listener =
        new CommandListener(
            sink,
            (d, m, p) -> {
              if (m.equals("explode")) {
                throw new IllegalStateException("device said no");
              }
              handled.add(m);
            })) {
      connect();

      broker.last().deliver("minicloud/v1/gw/pump/cmd/explode", bytes("1"));
      broker.last().deliver("minicloud/v1/gw/pump/cmd/write", bytes("2"));

      Waiting.until("the second one", () -> handled.size() == 1);
      assertEquals(1, listener.handlerErrors());
      assertEquals(List.of("write"), handled);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
