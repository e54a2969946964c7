package io.minicloud.tetherbridge.it;

import static io.minicloud.tetherbridge.it.ModbusDeviceYaml.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.DeviceHealth;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.Quality;
import io.minicloud.mapper.api.Value;
import io.minicloud.mapper.modbus.peers.Mbpoll;
import io.minicloud.mapper.modbus.peers.PymodbusPeer;
import io.minicloud.tetherbridge.runtime.Reading;
import io.minicloud.tetherbridge.runtime.RuntimeSettings;
import io.minicloud.tetherbridge.runtime.Twin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole runtime against Debian's pymodbus as a Modbus TCP slave: device file → plugin →
 * transforms → what goes north; a desired value written, read back and verified, and mbpoll (a
 * third-party master) reading the same registers.
 */
@Tag("peer")
class ModbusTcpRuntimeIT {
  private static final String DEVICE = "meter-1";
  private static final float TEMPERATURE = 21.5f;
  private static final float PRESSURE = 1013.25f;
  private static final float FLOW = -12.625f;

  @TempDir Path dir;
  private PymodbusPeer peer;
  private BridgeUnderTest bridge;

  @BeforeEach
  void start() throws Exception {
    String missing = PymodbusPeer.missing(PymodbusPeer.Mode.TCP);
    assumeTrue(missing == null, missing);
    assumeTrue(Mbpoll.installed(), "mbpoll is not installed (apt-get install mbpoll)");
    int t = Float.floatToIntBits(TEMPERATURE);
    int p = Float.floatToIntBits(PRESSURE);
    int f = Float.floatToIntBits(FLOW);
    peer =
        PymodbusPeer.builder(dir.resolve("peer"), PymodbusPeer.Mode.TCP)
            .holding(1, 0, t >>> 16, t & 0xFFFF) // ABCD
            .holding(1, 2, p & 0xFFFF, p >>> 16) // CDAB: low word first
            .holding(1, 4, swapBytes(f >>> 16), swapBytes(f & 0xFFFF)) // BADC
            .holding(1, 10, 215) // setpoint 21.5 (0.1 per count)
            .holding(1, 20, 0xFFF9) // int16 -7
            .holding(1, 30, 0x86A0, 0x0001) // uint32 100000, low word first
            .input(1, 5, 523) // humidity 52.3 %
            .coils(1, 0, true)
            .start();
    bridge = new BridgeUnderTest(dir, RuntimeSettings.defaults());
  }

  @AfterEach
  void stop() {
    if (bridge != null) {
      bridge.close();
    }
    if (peer != null) {
      peer.close();
    }
  }

  private ModbusDeviceYaml meter() {
    return new ModbusDeviceYaml()
        .model(
            "meter-model",
            "{name: temperature, type: FLOAT, accessMode: ReadOnly}",
            "{name: pressure, type: FLOAT, accessMode: ReadOnly}",
            "{name: flow, type: FLOAT, accessMode: ReadOnly}",
            "{name: humidity, type: FLOAT, accessMode: ReadOnly}",
            "{name: outdoor, type: FLOAT, accessMode: ReadOnly}",
            "{name: energy, type: INT, accessMode: ReadOnly}",
            "{name: setpoint, type: FLOAT, accessMode: ReadWrite, minimum: '5', maximum: '30'}",
            "{name: heater, type: BOOLEAN, accessMode: ReadOnly}")
        .device(
            DEVICE,
            "meter-model",
            "{ip: 127.0.0.1, port: " + peer.port() + ", slaveID: 1, timeout: 1000}",
            property("temperature", 200, "{register: HoldingRegister, offset: 0, limit: 2}"),
            property(
                "pressure",
                200,
                "{register: HoldingRegister, offset: 2, limit: 2, byteOrder: CDAB}"),
            property(
                "flow", 200, "{register: HoldingRegister, offset: 4, limit: 2, byteOrder: BADC}"),
            property(
                "humidity",
                200,
                "{register: InputRegister, offset: 5, limit: 1, rawType: uint16, scale: 0.1}"),
            property(
                "outdoor",
                200,
                "{register: HoldingRegister, offset: 20, limit: 1, rawType: int16, scale: 0.5,"
                    + " valueOffset: -40}"),
            property(
                "energy",
                200,
                "{register: HoldingRegister, offset: 30, limit: 2, rawType: uint32,"
                    + " wordOrder: little}"),
            property(
                "setpoint", 200, "{register: HoldingRegister, offset: 10, limit: 1, scale: 0.1}"),
            property("heater", 200, "{register: CoilRegister, offset: 0}"));
  }

  @Test
  void publishesEngineeringValuesWithTransformsAndByteOrders() throws Exception {
    // GIVEN a meter whose registers pymodbus holds in four layouts, scaled and offset
    bridge.apply(meter());

    // WHEN the runtime has polled every property
    BridgeUnderTest.await(
        "every property published",
        Duration.ofSeconds(15),
        () -> firstGood("heater").isPresent() && firstGood("energy").isPresent());

    // THEN what goes north is the engineering value, not the register
    for (String p :
        List.of("temperature", "pressure", "flow", "humidity", "outdoor", "energy", "setpoint")) {
      System.out.println("[ModbusTcpRuntimeIT] " + p + " = " + firstGood(p).orElse(null));
    }
    assertNumber(21.5, "temperature");
    assertNumber(1013.25, "pressure");
    assertNumber(-12.625, "flow");
    assertNumber(52.3, "humidity");
    assertNumber(-7 * 0.5 - 40, "outdoor");
    assertNumber(100_000, "energy");
    assertNumber(21.5, "setpoint");
    assertEquals(new BoolValue(true), firstGood("heater").orElseThrow());
    assertEquals(DeviceHealth.ONLINE, bridge.status(DEVICE).health());
    // AND mbpoll, reading the same registers, agrees on the floats
    Map<Integer, String> abcd =
        Mbpoll.read(Mbpoll.tcp(peer.port(), 1), "4:float", 0, 1, "127.0.0.1", "-B");
    Map<Integer, String> cdab =
        Mbpoll.read(Mbpoll.tcp(peer.port(), 1), "4:float", 2, 1, "127.0.0.1");
    assertEquals(21.5, Double.parseDouble(abcd.get(0)), 1e-6);
    assertEquals(1013.25, Double.parseDouble(cdab.get(2)), 1e-6);
  }

  @Test
  void aDesiredValueIsWrittenVerifiedAndSeenByMbpoll() throws Exception {
    // GIVEN the meter online, its setpoint at 21.5
    bridge.apply(meter());
    BridgeUnderTest.await(
        "setpoint read", Duration.ofSeconds(15), () -> firstGood("setpoint").isPresent());

    // WHEN 23.7 is desired
    Twin.PropertyTwin twin =
        bridge.runtime().desire(DEVICE, "setpoint", 23.7).get(20, TimeUnit.SECONDS);

    // THEN the twin shows it written, read back and verified
    assertNull(twin.writeError(), twin.writeError());
    assertEquals(DoubleValue.of(23.7), twin.desired());
    assertEquals(twin.desired(), twin.observedDesired());
    assertFalse(twin.pending());
    assertTrue(twin.verifiedAt() != null);
    // AND a third-party master reads the raw register the transform computed: 23.7 / 0.1
    assertEquals("237", Mbpoll.read(Mbpoll.tcp(peer.port(), 1), "4", 10, 1, "127.0.0.1").get(10));
    // AND the new reading goes north
    BridgeUnderTest.await(
        "23.7 published",
        Duration.ofSeconds(10),
        () ->
            bridge.published().telemetry(DEVICE, "setpoint").stream()
                .anyMatch(t -> t.reading().value() != null && near(t.reading().value(), 23.7)));
  }

  @Test
  void aValueTheDeviceCannotHoldIsRefusedBeforeAnythingIsWritten() throws Exception {
    // GIVEN the meter online
    bridge.apply(meter());
    BridgeUnderTest.await(
        "setpoint read", Duration.ofSeconds(15), () -> firstGood("setpoint").isPresent());
    int twinsBefore = bridge.published().twinCount();

    // WHEN a value outside the model's range is desired
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> bridge.runtime().desire(DEVICE, "setpoint", 99));

    // THEN it is refused at once and the register keeps its value
    assertTrue(refused.getMessage().contains("range"), refused.getMessage());
    assertEquals(0, bridge.metrics().writes(DEVICE, true) + bridge.metrics().writes(DEVICE, false));
    assertEquals(twinsBefore, bridge.published().twinCount(), "no desired value was recorded");
    assertEquals("215", Mbpoll.read(Mbpoll.tcp(peer.port(), 1), "4", 10, 1, "127.0.0.1").get(10));
  }

  private Optional<Value> firstGood(String property) {
    List<NorthboundRecorder.Telemetry> published = bridge.published().telemetry(DEVICE, property);
    return published.stream()
        .map(NorthboundRecorder.Telemetry::reading)
        .filter(r -> r.quality() == Quality.GOOD)
        .map(Reading::value)
        .findFirst();
  }

  private void assertNumber(double expected, String property) {
    Value value =
        firstGood(property).orElseThrow(() -> new AssertionError(property + " not published"));
    assertTrue(near(value, expected), property + ": expected " + expected + ", published " + value);
  }

  private static boolean near(Value value, double expected) {
    double actual;
    if (value instanceof DoubleValue d) {
      actual = d.value();
    } else if (value instanceof LongValue l) {
      actual = l.doubleValue();
    } else {
      return false;
    }
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }

  private static int swapBytes(int word) {
    return ((word & 0xFF) << 8) | (word >>> 8 & 0xFF);
  }
}
