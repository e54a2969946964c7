package io.minicloud.tetherbridge.northbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.tetherbridge.northbound.MqttConnectException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MqttSinkTest {
  private static final ReconnectOptions FAST =
      new ReconnectOptions(Duration.ofMillis(1), Duration.ofMillis(5), 2);

  private final ScriptedConnector broker = new ScriptedConnector();

  private MqttSink sink(ProtocolVersion protocol) {
    NorthboundOptions options =
        NorthboundOptions.builder("tcp://scripted:1883", "gw").protocol(protocol).build();
    return new MqttSink(options, broker, FAST.backoff(new Random(7)));
  }

  @Test
  void retriesWithBackoffCountsFailuresAndClearsTheErrorOnceConnected() throws Exception {
    // GIVEN a broker that refuses twice before accepting
    broker.failNext(Kind.NETWORK, "cannot connect to tcp://scripted:1883: connection refused");
    broker.failNext(Kind.NETWORK, "cannot connect to tcp://scripted:1883: connection refused");
    try (MqttSink sink = sink(ProtocolVersion.V5)) {
      // WHEN the sink starts
      sink.start();

      // THEN it connects on the third attempt; the failures are counted, not reconnects
      assertTrue(sink.awaitConnected(Duration.ofSeconds(5)));
      assertEquals(2, sink.connectFailures());
      assertEquals(0, sink.reconnects());
      assertEquals(1, sink.generation());
      assertTrue(sink.lastError().isEmpty(), "cleared once connected");
    }
  }

  @Test
  void autoFallsBackTo311OnlyWhenTheBrokerRefusesTheProtocol() throws Exception {
    // GIVEN a broker that answers an MQTT 5 CONNECT with a protocol refusal
    broker.failNext(Kind.REFUSED_PROTOCOL, "cannot connect: the broker does not accept MQTT 5");
    try (MqttSink sink = sink(ProtocolVersion.AUTO)) {
      // WHEN the sink starts in auto mode, and later reconnects
      sink.start();
      assertTrue(sink.awaitConnected(Duration.ofSeconds(5)));
      broker.last().drop("restart");
      Waiting.until("a reconnect", () -> sink.reconnects() == 1 && sink.isConnected());

      // THEN it tried 5 then 3.1.1 at once, and stays on 3.1.1
      assertEquals(
          List.of(ProtocolVersion.V5, ProtocolVersion.V3_1_1, ProtocolVersion.V3_1_1),
          broker.attempts);
      assertEquals(ProtocolVersion.V3_1_1, sink.protocol().orElseThrow());
      assertEquals(0, sink.connectFailures());
    }
  }

  @Test
  void aWrongPasswordIsNotAReasonToFallBack() throws Exception {
    // GIVEN a broker that refuses the credentials
    broker.failNext(Kind.REFUSED_AUTH, "cannot connect: the broker refused the user name");
    try (MqttSink sink = sink(ProtocolVersion.AUTO)) {
      // WHEN the sink starts
      sink.start();
      assertTrue(sink.awaitConnected(Duration.ofSeconds(5)));

      // THEN the retry was MQTT 5 again
      assertEquals(List.of(ProtocolVersion.V5, ProtocolVersion.V5), broker.attempts);
      assertEquals(1, sink.connectFailures());
    }
  }

  @Test
  void resubscribesAfterEveryReconnectAndRoutesMessagesByFilter() throws Exception {
    try (MqttSink sink = sink(ProtocolVersion.V5)) {
      // GIVEN two subscriptions registered before start
      List<String> commands = new java.util.concurrent.CopyOnWriteArrayList<>();
      List<String> other = new java.util.concurrent.CopyOnWriteArrayList<>();
      sink.subscribe("minicloud/v1/gw/+/cmd/+", (t, p) -> commands.add(t));
      sink.subscribe("elsewhere/#", (t, p) -> other.add(t));
      sink.start();
      assertTrue(sink.awaitConnected(Duration.ofSeconds(5)));

      // WHEN the connection drops and comes back, and a command arrives
      broker.last().drop("broker restart");
      Waiting.until("a reconnect", () -> sink.reconnects() == 1 && sink.isConnected());
      broker.last().deliver("minicloud/v1/gw/pump/cmd/write", new byte[0]);

      // THEN both connections subscribed to both filters, and only one listener got it
      for (ScriptedConnector.Connection c : broker.connections) {
        assertEquals(List.of("minicloud/v1/gw/+/cmd/+", "elsewhere/#"), c.subscribed);
      }
      assertEquals(List.of("minicloud/v1/gw/pump/cmd/write"), commands);
      assertEquals(List.of(), other);
      assertEquals(1, sink.connectionsLost());
      assertTrue(broker.connections.get(0).closed, "the dropped client was freed");
    }
  }

  @Test
  void aPublishForAnOlderConnectionIsRefused() throws Exception {
    try (MqttSink sink = sink(ProtocolVersion.V5)) {
      // GIVEN a sink on its second connection
      sink.start();
      assertTrue(sink.awaitConnected(Duration.ofSeconds(5)));
      broker.last().drop("blip");
      Waiting.until("a reconnect", () -> sink.generation() == 2 && sink.isConnected());

      // WHEN the forwarder still publishes for connection 1
      boolean accepted = sink.publish(1, "t", new byte[0], 1, false, null);

      // THEN the sink refuses: that message must wait for the resend from the oldest
      assertFalse(accepted);
      assertEquals(0, broker.last().published.size());
    }
  }
}
