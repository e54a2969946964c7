package io.minicloud.edgeagent.inventory.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.edgeagent.FakeAgent;
import io.minicloud.edgeagent.inventory.DeviceRecord;
import io.minicloud.edgeagent.inventory.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a fake tether-bridge answering as docs/api/tether-bridge-v1.md says. */
class BridgeDeviceSourceTest {

  private FakeAgent bridge;
  private BridgeDeviceSource source;

  @BeforeEach
  void setUp() throws Exception {
    bridge = new FakeAgent();
    bridge.json("/api/v1/agent", "{\"agent\":\"tether-bridge\",\"node\":\"gw-1\"}");
    source = new BridgeDeviceSource(bridge.base(), new BoundedHttp(Duration.ofSeconds(2), 1 << 20));
  }

  @AfterEach
  void tearDown() {
    bridge.close();
  }

  @Test
  void aLocalBridgesDeviceGetsModelProtocolUnitsAndCyclesFromItsDeviceFile(@TempDir Path tmp)
      throws Exception {
    // GIVEN the demo's climate controller file, which the bridge names as the device's source
    Path file = tmp.resolve("demo-climate.yaml");
    Files.copy(Path.of("../../docs/examples/devices/demo-climate.yaml"), file);
    bridge.json(
        "/api/v1/devices",
        "[{\"device\":\"demo-climate\",\"link\":\"tcp:127.0.0.1:15020\",\"health\":\"online\","
            + "\"lastOnline\":\"2026-11-23T10:00:00Z\",\"lastError\":null,\"circuit\":\"closed\"}]");
    bridge.json(
        "/api/v1/devices/demo-climate",
        "{\"status\":{},\"source\":\""
            + file
            + "\",\"properties\":{\"temperature\":{\"value\":21.5,\"quality\":\"GOOD\"},"
            + "\"heater\":null}}");

    // WHEN
    DeviceRecord d = source.read().devices().get(0);

    // THEN
    assertEquals("demo-climate", d.id());
    assertEquals("gw-1", d.node());
    assertEquals("climate-controller", d.model());
    assertEquals("modbus", d.protocol());
    assertTrue(d.online());
    assertEquals(Instant.parse("2026-11-23T10:00:00Z"), d.lastSeen());
    var temperature = d.properties().get(0);
    assertEquals("temperature", temperature.name());
    assertEquals("°C", temperature.unit());
    assertEquals(1000, temperature.samplingMillis());
    assertEquals("FLOAT", temperature.type());
    assertEquals("heater", d.properties().get(1).name());
    assertTrue(d.properties().get(1).writable());
  }

  @Test
  void withoutADeviceFileTheProtocolComesFromTheLinkAndTheTypeFromTheReading() throws Exception {
    bridge.json(
        "/api/v1/devices",
        "[{\"device\":\"sensor\",\"link\":\"coap:coap://10.0.0.9:5683\",\"health\":\"weird\"}]");
    bridge.json(
        "/api/v1/devices/sensor",
        "{\"source\":\"/nonexistent/x.yaml\",\"properties\":{\"count\":{\"value\":3}}}");

    DeviceRecord d = source.read().devices().get(0);

    assertEquals("coap", d.protocol());
    assertEquals("", d.model());
    assertEquals("unknown", d.health());
    assertNull(d.lastSeen());
    assertEquals("INT", d.properties().get(0).type());
    assertEquals("", d.properties().get(0).unit());
  }

  @Test
  void aDeviceListThatIsNotAListIsAClearError() {
    bridge.json("/api/v1/devices", "{\"devices\":[]}");

    var e = assertThrows(SourceException.class, source::read);

    assertTrue(e.getMessage().contains("not a JSON array"), e.getMessage());
  }

  @Test
  void garbageIsAClearError() {
    bridge.json("/api/v1/devices", "\u0000\u0001garbage");

    var e = assertThrows(SourceException.class, source::read);

    assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
  }

  @Test
  void aHugeDeviceListIsRefusedAtTheCap() {
    bridge.route("/api/v1/devices", FakeAgent.huge(8L << 20));

    var e = assertThrows(SourceException.class, source::read);

    assertTrue(e.getMessage().contains("larger than 1048576 bytes"), e.getMessage());
  }

  @Test
  void aBridgeThatNamesNoNodeIsRefused() {
    bridge.json("/api/v1/agent", "{\"agent\":\"tether-bridge\"}");

    var e = assertThrows(SourceException.class, source::read);

    assertTrue(e.getMessage().contains("names no node"), e.getMessage());
  }

  @Test
  void linkIdsNameTheirProtocol() {
    assertEquals("modbus", BridgeDeviceMapper.protocol("rtu-over-tcp:10.0.0.5:502"));
    assertEquals("mqtt", BridgeDeviceMapper.protocol("mqtt:tcp://broker:1883#plug"));
    assertEquals("serial", BridgeDeviceMapper.protocol("serial:/dev/ttyUSB0"));
    assertEquals("", BridgeDeviceMapper.protocol("something"));
  }
}
