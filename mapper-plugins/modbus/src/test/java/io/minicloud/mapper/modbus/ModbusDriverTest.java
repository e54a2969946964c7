package io.minicloud.mapper.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.contract.FrameScript;
import io.minicloud.mapper.api.contract.Hex;
import io.minicloud.mapper.api.contract.ScriptedLinkSession;
import io.minicloud.mapper.modbus.codec.Crc16;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Driver behaviour beyond the golden cases, played against scripted frames. */
class ModbusDriverTest {

  private static ScriptedLinkSession script(String... lines) {
    return new ScriptedLinkSession(FrameScript.parse(String.join("\n", lines)));
  }

  /** An RTU frame with its CRC, as script text. */
  private static String rtu(String body) {
    return Hex.format(Crc16.append(Hex.parse(body)));
  }

  private static ModbusDevices tcpDevice() {
    return ModbusDevices.tcp("10.0.0.5", 502, 1)
        .property("level", "int", false, "register", "holding", "offset", 0, "limit", 1)
        .property("flow", "int", false, "register", "input", "offset", 0, "limit", 1);
  }

  @Test
  void whenTheFirstRequestTimesOutTheRestAreNotSent() throws Exception {
    // GIVEN a device whose properties need two requests, and a peer that never answers
    ModbusDriver driver = tcpDevice().bind();
    ScriptedLinkSession session = script("> 00 01 00 00 00 06 01 03 00 00 00 01", "< timeout");
    // WHEN it is read
    DeviceException e =
        assertThrows(DeviceException.class, () -> driver.read(session, List.of("level", "flow")));
    // THEN the whole read times out after one request, naming it
    assertEquals(ErrorKind.TIMEOUT, e.kind());
    assertEquals(
        "unit 1, read holding registers (fc 3) at address 0: scripted peer stays silent",
        e.getMessage());
    session.assertFinished();
  }

  @Test
  void aLaterTimeoutFailsOnlyItsOwnProperties() throws Exception {
    // GIVEN a device that answers the first request only
    ModbusDriver driver = tcpDevice().bind();
    ScriptedLinkSession session =
        script(
            "> 00 01 00 00 00 06 01 03 00 00 00 01",
            "< 00 01 00 00 00 05 01 03 02 00 2A",
            "> 00 02 00 00 00 06 01 04 00 00 00 01",
            "< timeout");
    // WHEN it is read
    List<PointResult> results = driver.read(session, List.of("flow", "level"));
    // THEN level has its value and flow the timeout
    assertEquals(ErrorKind.TIMEOUT, results.get(0).error().kind());
    assertEquals(new LongValue(42, DataType.INT16), results.get(1).raw());
  }

  @Test
  void aRepeatedPropertyIsReadOnceAndReportedEachTime() throws Exception {
    ModbusDriver driver = tcpDevice().bind();
    ScriptedLinkSession session =
        script("> 00 01 00 00 00 06 01 03 00 00 00 01", "< 00 01 00 00 00 05 01 03 02 00 2A");
    List<PointResult> results = driver.read(session, List.of("level", "level"));
    assertEquals(2, results.size());
    assertEquals(results.get(0), results.get(1));
    session.assertFinished();
  }

  @Test
  void forceMultipleWritesOneRegisterOrCoilWithFunction16Or15() throws Exception {
    // GIVEN a device that only implements the multiple-write functions
    ModbusDriver driver =
        ModbusDevices.tcp("10.0.0.5", 502, 1)
            .with("forceMultiple", true)
            .property("sp", "int", true, "register", "holding", "offset", 10, "limit", 1)
            .property("relay", "boolean", true, "register", "coil", "offset", 3)
            .bind();
    ScriptedLinkSession session =
        script(
            "> 00 01 00 00 00 09 01 10 00 0A 00 01 02 00 D7",
            "< 00 01 00 00 00 06 01 10 00 0A 00 01",
            "> 00 02 00 00 00 08 01 0F 00 03 00 01 01 01",
            "< 00 02 00 00 00 06 01 0F 00 03 00 01");
    // WHEN one register and one coil are written / THEN fc 16 and fc 15 went out
    driver.write(session, "sp", new LongValue(215, DataType.INT16));
    driver.write(session, "relay", new BoolValue(true));
    session.assertFinished();
  }

  @Test
  void aBitFieldOfATwoRegisterValueKeepsTheOtherBitsInWordSwappedOrder() throws Exception {
    // GIVEN bits 16..23 of a uint32 stored low word first (CDAB); the device holds 0x2222_1111
    ModbusDriver driver =
        ModbusDevices.tcp("10.0.0.5", 502, 1)
            .property(
                "alarm",
                "int",
                true,
                "register",
                "holding",
                "offset",
                4,
                "rawType",
                "uint32",
                "byteOrder",
                "CDAB",
                "mask",
                "0x00FF0000",
                "shift",
                16)
            .bind();
    ScriptedLinkSession session =
        script(
            "> 00 01 00 00 00 06 01 03 00 04 00 02",
            "< 00 01 00 00 00 07 01 03 04 11 11 22 22",
            "> 00 02 00 00 00 0B 01 10 00 04 00 02 04 11 11 22 AB",
            "< 00 02 00 00 00 06 01 10 00 04 00 02");
    // WHEN the field is written to 0xAB (raw 0x00AB0000 after the core's shift)
    driver.write(session, "alarm", new LongValue(0x00AB0000L, DataType.UINT32));
    // THEN only that byte changed: 0x22AB_1111
    session.assertFinished();
  }

  @Test
  void anEchoOfAnotherValueFailsVerification() throws Exception {
    ModbusDriver driver =
        ModbusDevices.tcp("10.0.0.5", 502, 1)
            .property("sp", "int", true, "register", "holding", "offset", 10, "limit", 1)
            .bind();
    ScriptedLinkSession session =
        script("> 00 01 00 00 00 06 01 06 00 0A 00 D7", "< 00 01 00 00 00 06 01 06 00 0A 00 C8");
    DeviceException e =
        assertThrows(
            DeviceException.class,
            () -> driver.write(session, "sp", new LongValue(215, DataType.INT16)));
    assertEquals(ErrorKind.VERIFY, e.kind());
    assertEquals(
        "unit 1, write single register (fc 6) at address 10: reply echoes value 200, sent 215",
        e.getMessage());
  }

  @Test
  void aBroadcastIsSentWithoutWaitingAndNeverRead() throws Exception {
    // GIVEN an RTU device at unit 0
    ModbusDriver driver =
        ModbusDevices.rtu("/dev/ttyUSB0", 0)
            .property("reset", "int", true, "register", "holding", "offset", 99, "limit", 1)
            .bind();
    ScriptedLinkSession session = script("> " + rtu("00 06 00 63 00 01"));
    // WHEN it writes, and is read
    driver.write(session, "reset", new LongValue(1, DataType.INT16));
    List<PointResult> read = driver.read(session, List.of("reset"));
    // THEN the frame went out with no reply expected, and the read sent nothing
    session.assertFinished();
    assertEquals(ErrorKind.NO_DATA, read.get(0).error().kind());
  }

  @Test
  void rawValuesAreWidenedOrRefusedBeforeAnythingIsSent() throws Exception {
    // GIVEN writable int16, float32 and 10-coil properties, and a read-only one
    ModbusDriver driver =
        ModbusDevices.tcp("10.0.0.5", 502, 1)
            .property("sp", "int", true, "register", "holding", "offset", 10, "limit", 1)
            .property("t", "float", true, "register", "holding", "offset", 20, "limit", 2)
            .property("relays", "uint16", true, "register", "coil", "offset", 0, "limit", 10)
            .property("ro", "int", false, "register", "holding", "offset", 0, "limit", 1)
            .bind();
    ScriptedLinkSession session =
        script(
            "> 00 01 00 00 00 06 01 06 00 0A FF FF",
            "< 00 01 00 00 00 06 01 06 00 0A FF FF",
            "> 00 02 00 00 00 0B 01 10 00 14 00 02 04 41 B4 00 00",
            "< 00 02 00 00 00 06 01 10 00 14 00 02");
    // WHEN an int64 -1 and a float64 22.5 are written, they are narrowed to the raw types
    driver.write(session, "sp", LongValue.of(-1));
    driver.write(session, "t", DoubleValue.of(22.5));
    session.assertFinished();
    // THEN values that do not fit, read-only and unknown properties fail before any frame
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> driver.write(session, "sp", LongValue.of(40_000)))
            .getMessage()
            .contains("40000 does not fit int16"));
    assertEquals(
        "relays: 1024 does not fit 10 coils",
        assertThrows(
                IllegalArgumentException.class,
                () -> driver.write(session, "relays", new LongValue(1024, DataType.UINT16)))
            .getMessage());
    assertEquals(
        "t takes float32 raw values, got bool",
        assertThrows(
                IllegalArgumentException.class,
                () -> driver.write(session, "t", new BoolValue(true)))
            .getMessage());
    assertEquals(
        "ro is read-only",
        assertThrows(
                IllegalArgumentException.class, () -> driver.write(session, "ro", LongValue.of(1)))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> driver.read(session, List.of("nope")));
  }
}
