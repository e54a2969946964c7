package io.minicloud.mapper.mqtt;

import static io.minicloud.mapper.mqtt.peers.PeerDevices.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.StringValue;
import io.minicloud.mapper.api.peers.MosquittoPeer;
import io.minicloud.mapper.mqtt.peers.MoquettePeer;
import io.minicloud.mapper.mqtt.peers.MosquittoClients;
import io.minicloud.mapper.mqtt.peers.PeerDevices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code protocolVersion: auto} against a broker that only speaks MQTT 3.1.1: Moquette 0.17, the
 * bridge's embedded broker. The device is mosquitto_pub speaking 3.1.1.
 */
@Tag("peer")
class MqttVersionFallbackIT {
  @TempDir Path dir;
  private MoquettePeer broker;
  private MosquittoClients device;
  private MqttDeviceConnection connection;

  @BeforeEach
  void startBroker() throws Exception {
    assumeTrue(MosquittoClients.installed(), "apt-get install mosquitto-clients");
    broker = MoquettePeer.start(dir);
    device = new MosquittoClients("127.0.0.1", broker.port(), MosquittoPeer.Mode.PLAIN, null);
  }

  @AfterEach
  void stop() {
    if (connection != null) {
      connection.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private Map<String, Object> protocol(String version) {
    Map<String, Object> protocol =
        new HashMap<>(Map.of("broker", broker.uri(), "topic", "tele/plug1/STATE"));
    protocol.put("protocolVersion", version);
    return protocol;
  }

  @Test
  void autoFallsBackTo311AndReadsAndWrites() throws Exception {
    // GIVEN a plug on auto, and its retained state on the 3.1.1-only broker
    device.publish(
        "tele/plug1/STATE",
        "{\"ENERGY\": {\"Power\": 5.5}}",
        "-r",
        "-V",
        "mqttv311",
        "-i",
        "plug1-sim");
    DeviceDriver plug = PeerDevices.plug("plug1", protocol("auto"));

    // WHEN the core opens the link and attaches
    connection = (MqttDeviceConnection) plug.link().opener().open();
    LinkSession session = new MessageLinkSession(connection, 5000);
    plug.attach(session);

    // THEN it connected with 3.1.1 and reads the state
    assertEquals("3.1.1", connection.protocolVersion());
    assertEquals(
        DoubleValue.of(5.5),
        await(plug, session, "power", PointResult::isOk, Duration.ofSeconds(10)).raw());

    // ... and a write reaches a 3.1.1 subscriber
    Process subscriber =
        device.subscribeOnce("tele/plug1/command", "-V", "mqttv311", "-i", "sub-sim");
    while (subscriber.isAlive()) {
      plug.write(session, "mode", new StringValue("auto"));
      subscriber.waitFor(200, TimeUnit.MILLISECONDS);
    }
    String received =
        new String(subscriber.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, subscriber.exitValue(), received);
    assertEquals("{\"mode\": \"auto\"}", received.strip());
  }

  @Test
  void mqtt5OnlyFailsClearlyAgainstA311Broker() throws Exception {
    // GIVEN a plug that insists on MQTT 5
    DeviceDriver plug = PeerDevices.plug("plug1", protocol("5"));

    // WHEN the core opens the link
    IOException e = assertThrows(IOException.class, () -> plug.link().opener().open());

    // THEN the message says the broker does not take MQTT 5
    assertTrue(e.getMessage().contains(broker.uri()), e.getMessage());
    assertTrue(e.getMessage().contains("does not accept MQTT 5"), e.getMessage());
  }
}
