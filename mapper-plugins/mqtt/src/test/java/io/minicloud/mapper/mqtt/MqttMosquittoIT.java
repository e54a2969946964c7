package io.minicloud.mapper.mqtt;

import static io.minicloud.mapper.mqtt.peers.PeerDevices.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.Connection;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.StringValue;
import io.minicloud.mapper.api.peers.MosquittoPeer;
import io.minicloud.mapper.mqtt.peers.MosquittoClients;
import io.minicloud.mapper.mqtt.peers.PeerDevices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver against a real Mosquitto 2.0, with mosquitto_pub / mosquitto_sub as the device. */
@Tag("peer")
class MqttMosquittoIT {
  private static final Duration ARRIVAL = Duration.ofSeconds(10);

  @TempDir Path dir;
  private MosquittoPeer broker;
  private MosquittoClients device;
  private Connection connection;

  @BeforeEach
  void startBroker() throws Exception {
    assumeTrue(MosquittoPeer.installed(), "mosquitto is not installed (apt-get install mosquitto)");
    assumeTrue(MosquittoClients.installed(), "apt-get install mosquitto-clients");
    broker = MosquittoPeer.start(dir.resolve("broker"), MosquittoPeer.Mode.PLAIN);
    device = MosquittoClients.of(broker);
  }

  @AfterEach
  void stop() throws Exception {
    if (connection != null) {
      connection.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  /** What the core does for a link: open it, hand the driver a session, attach. */
  private LinkSession attach(DeviceDriver driver) throws Exception {
    connection = driver.link().opener().open();
    LinkSession session = new MessageLinkSession(connection, 5000);
    driver.attach(session);
    return session;
  }

  @Test
  void readsTheRetainedStateAndThenLiveMessagesOfARealClient() throws Exception {
    // GIVEN a device that published its state retained before the bridge connected
    device.publish("tele/plug1/STATE", "{\"ENERGY\": {\"Power\": 12.5}, \"POWER\": \"ON\"}", "-r");
    DeviceDriver plug = PeerDevices.plug("plug1", PeerDevices.protocol(broker, "tele/plug1/STATE"));

    // WHEN the bridge attaches, and the device then publishes a new state
    LinkSession session = attach(plug);
    PointResult retained = await(plug, session, "power", PointResult::isOk, ARRIVAL);
    device.publish("tele/plug1/STATE", "{\"ENERGY\": {\"Power\": 99.25}, \"POWER\": \"OFF\"}");
    PointResult live =
        await(plug, session, "power", r -> r.isOk() && !r.raw().equals(retained.raw()), ARRIVAL);

    // THEN both states are read, each property from its path
    assertEquals(DoubleValue.of(12.5), retained.raw());
    assertEquals(DoubleValue.of(99.25), live.raw());
    assertEquals(new BoolValue(false), plug.read(session, List.of("relay")).get(0).raw());
    assertEquals(ErrorKind.DECODE, plug.read(session, List.of("mode")).get(0).error().kind());
    assertEquals("5", ((MqttDeviceConnection) connection).protocolVersion());
  }

  @Test
  void aWriteReachesARealSubscriber() throws Exception {
    // GIVEN an attached plug and mosquitto_sub waiting on its command topic
    DeviceDriver plug = PeerDevices.plug("plug1", PeerDevices.protocol(broker, "tele/plug1/STATE"));
    LinkSession session = attach(plug);
    Process subscriber = device.subscribeOnce("tele/plug1/command");

    // WHEN the mode is written (again until the subscriber, whose SUBACK we cannot see, has it)
    while (subscriber.isAlive()) {
      plug.write(session, "mode", new StringValue("eco"));
      subscriber.waitFor(200, TimeUnit.MILLISECONDS);
    }

    // THEN it received the command payload
    String received =
        new String(subscriber.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, subscriber.exitValue(), received);
    assertEquals("{\"mode\": \"eco\"}", received.strip());
  }

  @Test
  void aBrokerRestartClosesTheConnectionAndANewOneWorks() throws Exception {
    // GIVEN an attached plug with a reading
    DeviceDriver plug = PeerDevices.plug("plug1", PeerDevices.protocol(broker, "tele/plug1/STATE"));
    LinkSession session = attach(plug);
    device.publish("tele/plug1/STATE", "{\"ENERGY\": {\"Power\": 1.5}}", "-r");
    await(plug, session, "power", PointResult::isOk, ARRIVAL);

    // WHEN the broker stops
    broker.stop();

    // THEN the connection says so, and reading it is a link failure (the core would reconnect)
    long deadline = System.nanoTime() + ARRIVAL.toNanos();
    while (connection.isOpen() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertFalse(connection.isOpen(), "isOpen() must turn false when the broker goes away");
    IOException lost = assertThrows(IOException.class, () -> plug.read(session, List.of("power")));
    assertFalse(lost instanceof DeviceException, lost.toString());
    assertThrows(IOException.class, () -> plug.link().opener().open(), "no broker, no connection");

    // WHEN it is back and the core opens a new connection and attaches again
    broker.start();
    connection.close();
    LinkSession again = attach(plug);

    // THEN the retained state (kept in Mosquitto's persistence file) is read again
    assertEquals(
        DoubleValue.of(1.5), await(plug, again, "power", PointResult::isOk, ARRIVAL).raw());
  }

  @Test
  void anOversizePayloadIsCountedAndDroppedAndTheConnectionLives(@TempDir Path files)
      throws Exception {
    // GIVEN a plug with a reading
    DeviceDriver plug = PeerDevices.plug("plug1", PeerDevices.protocol(broker, "tele/plug1/STATE"));
    LinkSession session = attach(plug);
    device.publish("tele/plug1/STATE", "{\"ENERGY\": {\"Power\": 7.5}}");
    await(plug, session, "power", PointResult::isOk, ARRIVAL);

    // WHEN the device publishes 300 KiB
    Path big = files.resolve("big.json");
    Files.writeString(
        big, "{\"ENERGY\": {\"Power\": 1}, \"junk\": \"" + "x".repeat(300 * 1024) + "\"}");
    device.publishFile("tele/plug1/STATE", big);
    MqttDeviceConnection mqtt = (MqttDeviceConnection) connection;
    long deadline = System.nanoTime() + ARRIVAL.toNanos();
    while (mqtt.oversizeDropped() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    // THEN it was counted and dropped, the old value stands, and the connection still works
    assertEquals(1, mqtt.oversizeDropped());
    assertEquals(DoubleValue.of(7.5), plug.read(session, List.of("power")).get(0).raw());
    device.publish("tele/plug1/STATE", "{\"ENERGY\": {\"Power\": 8.5}}");
    assertEquals(
        DoubleValue.of(8.5),
        await(plug, session, "power", r -> r.isOk() && r.raw().equals(DoubleValue.of(8.5)), ARRIVAL)
            .raw());
  }

  @Test
  void twoDevicesWithOneClientIdShareOneConnection() throws Exception {
    // GIVEN two plugs on one broker with one explicit client id
    Map<String, Object> first = PeerDevices.protocol(broker, "tele/plug1/STATE");
    Map<String, Object> second = PeerDevices.protocol(broker, "tele/plug2/STATE");
    first.put("clientId", "gateway-1");
    second.put("clientId", "gateway-1");
    DeviceDriver plug1 = PeerDevices.plug("plug1", first);
    DeviceDriver plug2 = PeerDevices.plug("plug2", second);

    // WHEN the core opens the one link and attaches both
    assertEquals(plug1.link().id(), plug2.link().id());
    LinkSession session = attach(plug1);
    plug2.attach(session);
    device.publish("tele/plug1/STATE", "{\"ENERGY\": {\"Power\": 1.0}}");
    device.publish("tele/plug2/STATE", "{\"ENERGY\": {\"Power\": 2.0}}");

    // THEN each reads its own device's topic over the shared connection
    assertEquals(
        DoubleValue.of(1.0), await(plug1, session, "power", PointResult::isOk, ARRIVAL).raw());
    assertEquals(
        DoubleValue.of(2.0), await(plug2, session, "power", PointResult::isOk, ARRIVAL).raw());
    assertSame(connection, session.connection(MqttConnection.class));
  }

  @Test
  void mqtt311WorksWhenConfigured() throws Exception {
    // GIVEN a plug that insists on MQTT 3.1.1
    Map<String, Object> protocol = PeerDevices.protocol(broker, "tele/plug1/STATE");
    protocol.put("protocolVersion", "3.1.1");
    protocol.put("qos", 0);
    DeviceDriver plug = PeerDevices.plug("plug1", protocol);

    // WHEN it attaches and the device publishes
    LinkSession session = attach(plug);
    device.publish("tele/plug1/STATE", "{\"ENERGY\": {\"Power\": 3.5}}", "-r");

    // THEN it reads over 3.1.1
    assertEquals(
        DoubleValue.of(3.5), await(plug, session, "power", PointResult::isOk, ARRIVAL).raw());
    assertEquals(
        "3.1.1", assertInstanceOf(MqttDeviceConnection.class, connection).protocolVersion());
  }

  @Test
  void anUnreachableBrokerIsAClearOpenFailure() throws Exception {
    // GIVEN a plug pointing at a port nothing listens on
    broker.stop();
    DeviceDriver plug = PeerDevices.plug("plug1", PeerDevices.protocol(broker, "t"));

    // WHEN the core opens its link
    IOException e = assertThrows(IOException.class, () -> plug.link().opener().open());

    // THEN the message names the broker and says it cannot be reached (no 3.1.1 retry for that)
    assertTrue(e.getMessage().contains(broker.uri()), e.getMessage());
    assertTrue(e.getMessage().contains("cannot reach it"), e.getMessage());
    assertFalse(e.getMessage().contains("3.1.1"), e.getMessage());
  }
}
