package io.minicloud.tetherbridge.northbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moquette runs in-process, so these need no external peer and run with the unit tests. */
class EmbeddedBrokerTest {
  @TempDir Path dir;
  private EmbeddedBroker broker;

  @AfterEach
  void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aPahoClientPublishesAndReceivesThroughIt() throws Exception {
    // GIVEN the embedded broker on a free loopback port, and a subscriber
    broker = new EmbeddedBroker(0, dir.resolve("moquette"));
    broker.start();
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    MqttClient subscriber = client("sub");
    subscriber.subscribe("minicloud/v1/demo/#", 1, (t, m) -> received.add(t + "=" + m));

    // WHEN another client publishes (QoS 1, 64 KiB: above Moquette's default message limit)
    MqttClient publisher = client("pub");
    byte[] big = new byte[64 * 1024];
    publisher.publish(
        "minicloud/v1/demo/pump/state", "on".getBytes(StandardCharsets.UTF_8), 1, false);
    BlockingQueue<byte[]> bigReceived = new LinkedBlockingQueue<>();
    subscriber.subscribe("big", 1, (t, m) -> bigReceived.add(m.getPayload()));
    publisher.publish("big", big, 1, false);

    // THEN the subscriber gets both
    assertEquals("minicloud/v1/demo/pump/state=on", received.poll(10, TimeUnit.SECONDS));
    byte[] got = bigReceived.poll(10, TimeUnit.SECONDS);
    assertNotNull(got, "64 KiB message not delivered");
    assertArrayEquals(big, got);
    publisher.disconnect();
    subscriber.disconnect();
    publisher.close();
    subscriber.close();
  }

  @Test
  void theSinkInAutoModeFallsBackToMqtt311() throws Exception {
    // GIVEN Moquette 0.17, which speaks MQTT 3.1.1 only, and a sink in auto mode
    broker = new EmbeddedBroker(0, null);
    broker.start();
    NorthboundOptions options =
        NorthboundOptions.builder(broker.uri(), "demo")
            .reconnect(new ReconnectOptions(Duration.ofMillis(50), Duration.ofMillis(200), 2))
            .build();
    try (MqttSink sink = new MqttSink(options)) {
      // WHEN it starts
      sink.start();

      // THEN it connects with 3.1.1 and can publish
      assertTrue(sink.awaitConnected(Duration.ofSeconds(20)), sink.lastError().orElse(""));
      assertEquals(ProtocolVersion.V3_1_1, sink.protocol().orElseThrow());
      assertEquals(0, sink.reconnects());
    }
  }

  @Test
  void listensOnLoopbackOnlyAndStopsCleanly() throws Exception {
    // GIVEN a started broker
    broker = new EmbeddedBroker(0, null);
    broker.start();
    int port = broker.port();

    // WHEN it is stopped
    assertTrue(reachable("127.0.0.1", port));
    broker.stop();

    // THEN the port is closed and the broker says it is not running
    assertFalse(reachable("127.0.0.1", port));
    assertFalse(broker.running());
    assertThrows(IllegalStateException.class, broker::port);
  }

  private MqttClient client(String id) throws Exception {
    MqttClient c = new MqttClient(broker.uri(), id, new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    c.connect(o);
    return c;
  }

  private static boolean reachable(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
