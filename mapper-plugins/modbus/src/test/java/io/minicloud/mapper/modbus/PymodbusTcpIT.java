package io.minicloud.mapper.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.StringValue;
import io.minicloud.mapper.api.Value;
import io.minicloud.mapper.modbus.peers.DirectLinkSession;
import io.minicloud.mapper.modbus.peers.Mbpoll;
import io.minicloud.mapper.modbus.peers.PymodbusPeer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our driver against a real pymodbus 3.0 Modbus TCP slave, cross-checked with mbpoll. */
@Tag("peer")
class PymodbusTcpIT {
  @TempDir Path dir;
  private PymodbusPeer peer;

  @BeforeEach
  void startPeer() throws Exception {
    String missing = PymodbusPeer.missing(PymodbusPeer.Mode.TCP);
    assumeTrue(missing == null, missing);
    assumeTrue(Mbpoll.installed(), "mbpoll is not installed (apt-get install mbpoll)");
    peer =
        PymodbusPeer.builder(dir, PymodbusPeer.Mode.TCP)
            .holding(1, 0, 0x41AC, 0x0000) // float32 21.5, ABCD
            .holding(1, 2, 0x0000, 0x41AC) // float32 21.5, CDAB
            .holding(1, 4, 0xFFFB) // int16 -5
            .holding(1, 5, 0x0001, 0x2345) // uint32 74565
            .holding(1, 40, 0x504D, 0x2D32, 0x3130, 0x3000) // "PM-2100"
            .input(1, 0, 452) // humidity 45.2 % at 0.1 per count
            .coils(1, 0, true, false, true)
            .discrete(1, 7, true)
            .holding(17, 0, 1717)
            .size(100)
            .start();
  }

  @AfterEach
  void stopPeer() {
    if (peer != null) {
      peer.close();
    }
  }

  private ModbusDevices device(int unit) {
    return ModbusDevices.tcp("127.0.0.1", peer.port(), unit).with("timeout", 500);
  }

  @Test
  void readsEveryTableAndLayoutInMergedRequests() throws Exception {
    // GIVEN a device with properties in all four tables
    ModbusDriver driver =
        device(1)
            .property(
                "abcd", "float", false, "register", "HoldingRegister", "offset", 0, "limit", 2)
            .property(
                "cdab",
                "float",
                false,
                "register",
                "HoldingRegister",
                "offset",
                2,
                "limit",
                2,
                "isRegisterSwap",
                true)
            .property("trim", "int", false, "register", "HoldingRegister", "offset", 4, "limit", 1)
            .property(
                "energy", "uint32", false, "register", "HoldingRegister", "offset", 5, "limit", 2)
            .property(
                "model", "string", false, "register", "HoldingRegister", "offset", 40, "limit", 4)
            .property(
                "humidity",
                "float",
                false,
                "register",
                "InputRegister",
                "offset",
                0,
                "limit",
                1,
                "scale",
                0.1)
            .property("pump", "boolean", false, "register", "CoilRegister", "offset", 0)
            .property("fan", "boolean", false, "register", "CoilRegister", "offset", 2)
            .property("door", "boolean", false, "register", "DiscreteInputRegister", "offset", 7)
            .bind();
    List<String> names =
        List.of("abcd", "cdab", "trim", "energy", "model", "humidity", "pump", "fan", "door");
    // WHEN it is read through a real TCP connection
    List<PointResult> results;
    try (DirectLinkSession session = DirectLinkSession.open(driver.link())) {
      results = driver.read(session, names);
    }
    // THEN every raw value is what pymodbus holds
    assertEquals(
        List.of(
            new DoubleValue(21.5, DataType.FLOAT32),
            new DoubleValue(21.5, DataType.FLOAT32),
            new LongValue(-5, DataType.INT16),
            new LongValue(74565, DataType.UINT32),
            new StringValue("PM-2100"),
            new LongValue(452, DataType.INT16),
            new BoolValue(true),
            new BoolValue(true),
            new BoolValue(true)),
        results.stream().map(PointResult::raw).toList(),
        () -> results.toString());
  }

  @Test
  void writesAreSeenByMbpoll() throws Exception {
    // GIVEN writable properties: a float32 pair, a single register, a coil and a bit field
    ModbusDriver driver =
        device(1)
            .property(
                "setpoint", "float", true, "register", "HoldingRegister", "offset", 20, "limit", 2)
            .property(
                "limitC", "int", true, "register", "HoldingRegister", "offset", 30, "limit", 1)
            .property("relay", "boolean", true, "register", "CoilRegister", "offset", 9)
            .property(
                "mode",
                "int",
                true,
                "register",
                "HoldingRegister",
                "offset",
                31,
                "rawType",
                "uint16",
                "mask",
                "0x0F00",
                "shift",
                8)
            .bind();
    // WHEN our driver writes them (fc 16, 6, 5, and 3 + 6 for the bit field)
    try (DirectLinkSession session = DirectLinkSession.open(driver.link())) {
      driver.write(session, "setpoint", new DoubleValue(22.5, DataType.FLOAT32));
      driver.write(session, "limitC", new LongValue(-40, DataType.INT16));
      driver.write(session, "relay", new BoolValue(true));
      driver.write(session, "mode", new LongValue(0x0500, DataType.UINT16));
    }
    // THEN mbpoll, an independent master, reads the same values back
    List<String> unit1 = Mbpoll.tcp(peer.port(), 1);
    assertEquals("22.5", Mbpoll.read(unit1, "4:float", 20, 1, "127.0.0.1", "-B").get(20));
    // mbpoll prints 16-bit registers unsigned: -40 is 0xFFD8
    assertEquals("65496", Mbpoll.read(unit1, "4", 30, 1, "127.0.0.1").get(30));
    assertEquals("1", Mbpoll.read(unit1, "0", 9, 1, "127.0.0.1").get(9));
    assertEquals("0x0500", Mbpoll.read(unit1, "4:hex", 31, 1, "127.0.0.1").get(31));
  }

  @Test
  void bitFieldWriteKeepsTheOtherBits() throws Exception {
    // GIVEN mbpoll put 0x12F4 into holding 31
    List<String> unit1 = Mbpoll.tcp(peer.port(), 1);
    Mbpoll.write(unit1, "4", 31, "127.0.0.1", Integer.toString(0x12F4));
    ModbusDriver driver =
        device(1)
            .property(
                "mode",
                "int",
                true,
                "register",
                "HoldingRegister",
                "offset",
                31,
                "rawType",
                "uint16",
                "mask",
                "0x0F00",
                "shift",
                8)
            .bind();
    // WHEN the driver writes the field (bits 8..11) to 5
    try (DirectLinkSession session = DirectLinkSession.open(driver.link())) {
      driver.write(session, "mode", new LongValue(0x0500, DataType.UINT16));
    }
    // THEN only those bits changed
    assertEquals("0x15F4", Mbpoll.read(unit1, "4:hex", 31, 1, "127.0.0.1").get(31));
  }

  @Test
  void valuesWrittenByMbpollAreReadByTheDriver() throws Exception {
    // GIVEN mbpoll wrote a float32 in little-endian word order (its default) and a coil
    List<String> unit1 = Mbpoll.tcp(peer.port(), 1);
    Mbpoll.write(unit1, "4:float", 50, "127.0.0.1", "-3.25");
    Mbpoll.write(unit1, "0", 12, "127.0.0.1", "1");
    ModbusDriver driver =
        device(1)
            .property(
                "t",
                "float",
                false,
                "register",
                "HoldingRegister",
                "offset",
                50,
                "limit",
                2,
                "byteOrder",
                "CDAB")
            .property("c", "boolean", false, "register", "CoilRegister", "offset", 12)
            .bind();
    // WHEN our driver reads them
    List<PointResult> results;
    try (DirectLinkSession session = DirectLinkSession.open(driver.link())) {
      results = driver.read(session, List.of("t", "c"));
    }
    // THEN it sees what mbpoll wrote
    assertEquals(new DoubleValue(-3.25, DataType.FLOAT32), results.get(0).raw());
    assertEquals(new BoolValue(true), results.get(1).raw());
  }

  @Test
  void unitsShareOneEndpointAndAnAbsentUnitTimesOut() throws Exception {
    // GIVEN three devices behind one endpoint: units 1 and 17 exist, unit 9 does not
    ModbusDriver one =
        device(1)
            .property("v", "int", false, "register", "holding", "offset", 4, "limit", 1)
            .bind();
    ModbusDriver seventeen =
        device(17)
            .property("v", "int", false, "register", "holding", "offset", 0, "limit", 1)
            .bind();
    ModbusDriver nine =
        device(9)
            .property("v", "int", false, "register", "holding", "offset", 0, "limit", 1)
            .bind();
    assertEquals(one.link().id(), seventeen.link().id());
    try (DirectLinkSession session = DirectLinkSession.open(one.link())) {
      // WHEN each is read over the one connection
      Value first = one.read(session, List.of("v")).get(0).raw();
      DeviceException dead =
          assertThrows(DeviceException.class, () -> nine.read(session, List.of("v")));
      Value second = seventeen.read(session, List.of("v")).get(0).raw();
      // THEN the live units answer and the dead one times out without disturbing them
      assertEquals(new LongValue(-5, DataType.INT16), first);
      assertEquals(ErrorKind.TIMEOUT, dead.kind(), dead.getMessage());
      assertTrue(dead.getMessage().contains("unit 9"), dead.getMessage());
      assertEquals(new LongValue(1717, DataType.INT16), second);
    }
  }

  @Test
  void addressOutsideTheDeviceIsADeviceExceptionNamingIt() throws Exception {
    // GIVEN pymodbus holds 100 registers and a property sits at 200
    ModbusDriver driver =
        device(1)
            .property("ok", "int", false, "register", "holding", "offset", 4, "limit", 1)
            .property("gone", "int", false, "register", "holding", "offset", 200, "limit", 1)
            .bind();
    // WHEN both are read
    List<PointResult> results;
    try (DirectLinkSession session = DirectLinkSession.open(driver.link())) {
      results = driver.read(session, List.of("ok", "gone"));
    }
    // THEN only the bad one fails, with the exception named
    assertTrue(results.get(0).isOk(), () -> results.toString());
    DeviceException e = results.get(1).error();
    assertEquals(ErrorKind.DEVICE_EXCEPTION, e.kind());
    assertTrue(e.getMessage().contains("illegal data address"), e.getMessage());
    assertTrue(e.getMessage().contains("address 200"), e.getMessage());
  }

  @Test
  void aKilledSlaveFailsTheLinkAndARestartedOneAnswersAgain() throws Exception {
    // GIVEN a device that answers
    ModbusDriver driver =
        device(1)
            .property("v", "int", false, "register", "holding", "offset", 4, "limit", 1)
            .bind();
    DirectLinkSession session = DirectLinkSession.open(driver.link());
    assertTrue(driver.read(session, List.of("v")).get(0).isOk());
    // WHEN the slave is killed
    peer.stop();
    // THEN the next request fails the link (not a device error): the core must reconnect
    IOException down = assertThrows(IOException.class, () -> driver.read(session, List.of("v")));
    assertFalse(down instanceof DeviceException, down.toString());
    session.close();
    // AND after a restart a new connection reads again
    peer.start();
    try (DirectLinkSession again = DirectLinkSession.open(driver.link())) {
      assertEquals(
          new LongValue(-5, DataType.INT16), driver.read(again, List.of("v")).get(0).raw());
    }
  }

  @Test
  void rtuFramesOverTcpReachAnRtuOverTcpSlave() throws Exception {
    // GIVEN pymodbus serving RTU frames over TCP, as a serial device server passes them
    peer.close();
    peer =
        PymodbusPeer.builder(dir.resolve("rot"), PymodbusPeer.Mode.RTU_OVER_TCP)
            .holding(3, 40, 0x504D, 0x2D32, 0x3130, 0x3000)
            .start();
    ModbusDriver driver =
        ModbusDevices.tcp("127.0.0.1", peer.port(), 3)
            .with("mode", "rtu-over-tcp")
            .property("model", "string", true, "register", "holding", "offset", 40, "limit", 4)
            .bind();
    assertTrue(driver.link().id().startsWith("rtu-over-tcp:127.0.0.1:"), driver.link().id());
    // WHEN the driver writes and reads a string
    Map<String, Value> read;
    try (DirectLinkSession session = DirectLinkSession.open(driver.link())) {
      Value before = driver.read(session, List.of("model")).get(0).raw();
      driver.write(session, "model", new StringValue("XR-9"));
      read = Map.of("before", before, "after", driver.read(session, List.of("model")).get(0).raw());
    }
    // THEN both round trips went through
    assertInstanceOf(StringValue.class, read.get("before"));
    assertEquals(new StringValue("PM-2100"), read.get("before"));
    assertEquals(new StringValue("XR-9"), read.get("after"));
  }
}
