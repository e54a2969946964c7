package io.minicloud.mapper.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.PropertySpec;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttDeviceDriverTest {
  private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

  /** The driver's clock and the in-memory broker's arrival times: one mutable instant. */
  private Instant now = T0;

  private MqttDeviceDriver bind(Map<String, Object> protocol) throws Exception {
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    DeviceSpec spec =
        new DeviceSpec(
            "trv1",
            protocol,
            List.of(
                new PropertySpec("t", DataType.FLOAT64, false, Map.of("jsonPath", "$.t")),
                new PropertySpec("sp", DataType.INT16, true, Map.of("jsonPath", "$.sp"))));
    return (MqttDeviceDriver) new MqttDevicePlugin(clock).bind(spec);
  }

  private InMemoryMqttConnection connect(MqttDeviceDriver driver) {
    return new InMemoryMqttConnection(driver.settings(), () -> now);
  }

  private static DeviceException error(PointResult result) {
    assertFalse(result.isOk(), () -> "expected an error, got " + result.raw());
    return result.error();
  }

  @Test
  void attachSubscribesEveryPropertyTopicAtTheDeviceQos() throws Exception {
    // GIVEN a device with QoS 0
    MqttDeviceDriver driver = bind(Map.of("topic", "trv1/status", "qos", 0));
    InMemoryMqttConnection connection = connect(driver);

    // WHEN it is attached
    driver.attach(new MessageLinkSession(connection, 1000));

    // THEN both properties' topic is watched at QoS 0
    assertEquals(
        List.of("trv1/status@0", "trv1/status@0"),
        connection.subscriptions().stream().sorted().toList());
  }

  @Test
  void readIsNoDataUntilAMessageArrives() throws Exception {
    // GIVEN an attached device and no message yet
    MqttDeviceDriver driver = bind(Map.of("topic", "trv1/status"));
    InMemoryMqttConnection connection = connect(driver);
    LinkSession session = new MessageLinkSession(connection, 1000);
    driver.attach(session);

    // WHEN it is read
    PointResult before = driver.read(session, List.of("t")).get(0);
    connection.deliver("trv1/status", "{\"t\": 21.5, \"sp\": 20}");
    List<PointResult> after = driver.read(session, List.of("sp", "t"));

    // THEN there is no data first, then the values in the requested order
    assertEquals(ErrorKind.NO_DATA, error(before).kind());
    assertTrue(error(before).getMessage().contains("trv1/status"), error(before).getMessage());
    assertEquals(
        List.of(
            PointResult.ok("sp", new LongValue(20, DataType.INT16)),
            PointResult.ok("t", DoubleValue.of(21.5))),
        after);
  }

  @Test
  void readingsOlderThanMaxAgeAreNoData() throws Exception {
    // GIVEN maxAge 5 s and a message at T0
    MqttDeviceDriver driver = bind(Map.of("topic", "trv1/status", "maxAge", 5000));
    InMemoryMqttConnection connection = connect(driver);
    LinkSession session = new MessageLinkSession(connection, 1000);
    driver.attach(session);
    connection.deliver("trv1/status", "{\"t\": 21.5}");

    // WHEN it is read at 5 s and at 5.001 s
    now = T0.plusMillis(5000);
    PointResult fresh = driver.read(session, List.of("t")).get(0);
    now = T0.plusMillis(5001);
    PointResult stale = driver.read(session, List.of("t")).get(0);

    // THEN the first is the value, the second no data with the age
    assertTrue(fresh.isOk());
    assertEquals(ErrorKind.NO_DATA, error(stale).kind());
    assertTrue(error(stale).getMessage().contains("5001 ms old"), error(stale).getMessage());
  }

  @Test
  void aWritePublishesTheCommandAtTheDeviceQos() throws Exception {
    // GIVEN an attached device
    MqttDeviceDriver driver = bind(Map.of("topic", "trv1/status"));
    InMemoryMqttConnection connection = connect(driver);
    LinkSession session = new MessageLinkSession(connection, 1000);

    // WHEN a raw value is written
    driver.write(session, "sp", new LongValue(21, DataType.INT16));

    // THEN the default payload goes to the derived command topic at QoS 1
    assertEquals(
        List.of(new InMemoryMqttConnection.Published("trv1/command", "{\"sp\": 21}", 1)),
        connection.published());
  }

  @Test
  void writingAReadOnlyOrUnknownPropertyIsAProgrammingError() throws Exception {
    MqttDeviceDriver driver = bind(Map.of("topic", "trv1/status"));
    LinkSession session = new MessageLinkSession(connect(driver), 1000);
    assertThrows(
        IllegalArgumentException.class, () -> driver.write(session, "t", DoubleValue.of(1)));
    assertThrows(
        IllegalArgumentException.class, () -> driver.write(session, "nope", DoubleValue.of(1)));
    assertThrows(IllegalArgumentException.class, () -> driver.point("nope"));
  }

  @Test
  void aLostConnectionIsALinkFailureNotADeviceError() throws Exception {
    // GIVEN an attached device whose broker went away
    MqttDeviceDriver driver = bind(Map.of("topic", "trv1/status"));
    InMemoryMqttConnection connection = connect(driver);
    LinkSession session = new MessageLinkSession(connection, 1000);
    driver.attach(session);
    connection.lose();

    // WHEN it is read or written
    IOException read = assertThrows(IOException.class, () -> driver.read(session, List.of("t")));
    IOException write =
        assertThrows(
            IOException.class, () -> driver.write(session, "sp", new LongValue(1, DataType.INT16)));

    // THEN both are plain IOExceptions: the core reconnects instead of blaming the device
    assertFalse(read instanceof DeviceException);
    assertFalse(write instanceof DeviceException);
  }

  @Test
  void aDeviceRefusesALinkOpenedWithOtherSettings() throws Exception {
    // GIVEN two devices with one client id but different passwords
    Map<String, Object> first =
        new HashMap<>(Map.of("topic", "a", "clientId", "gw", "username", "u", "password", "one"));
    Map<String, Object> second = new HashMap<>(first);
    second.put("password", "two");
    MqttDeviceDriver opener = bind(first);
    MqttDeviceDriver other = bind(second);
    InMemoryMqttConnection connection = connect(opener);

    // WHEN the second attaches to the connection the first opened
    DeviceException e =
        assertThrows(
            DeviceException.class, () -> other.attach(new MessageLinkSession(connection, 1000)));

    // THEN it names the setting, not its value, and subscribes nothing
    assertEquals(opener.link().id(), other.link().id());
    assertTrue(e.getMessage().contains("password"), e.getMessage());
    assertFalse(e.getMessage().contains("two"), e.getMessage());
    assertEquals(List.of(), connection.subscriptions());
  }

  @Test
  void theLinkIsAMessageLinkWithTheBrokerInItsId() throws Exception {
    MqttDeviceDriver driver = bind(Map.of("topic", "a", "broker", "ssl://broker.local"));
    assertFalse(driver.link().frames());
    assertEquals("mqtt:ssl://broker.local:8883#minicloud-trv1", driver.link().id());
  }

  @Test
  void theReadmeTasmotaRelayReadsOnAndWritesABareWord() throws Exception {
    // GIVEN the README's relay: Tasmota's RESULT topic, and its POWER command topic
    DeviceSpec spec =
        new DeviceSpec(
            "plug-kitchen",
            Map.of("topic", "tele/kitchen/SENSOR"),
            List.of(
                new PropertySpec(
                    "relay",
                    DataType.BOOL,
                    true,
                    Map.of(
                        "topic", "stat/kitchen/RESULT",
                        "jsonPath", "$.POWER",
                        "commandTopic", "cmnd/kitchen/POWER",
                        "commandPayload", "${text}"))));
    MqttDeviceDriver driver = (MqttDeviceDriver) new MqttDevicePlugin().bind(spec);
    InMemoryMqttConnection connection = new InMemoryMqttConnection(driver.settings(), Instant::now);
    LinkSession session = new MessageLinkSession(connection, 1000);
    driver.attach(session);

    // WHEN the plug reports ON and the relay is switched off
    connection.deliver("stat/kitchen/RESULT", "{\"POWER\": \"ON\"}");
    PointResult read = driver.read(session, List.of("relay")).get(0);
    driver.write(session, "relay", new BoolValue(false));

    // THEN ON reads as true, and the command is the bare word Tasmota takes
    assertEquals(PointResult.ok("relay", new BoolValue(true)), read);
    assertEquals(
        List.of(new InMemoryMqttConnection.Published("cmnd/kitchen/POWER", "false", 1)),
        connection.published());
  }
}
