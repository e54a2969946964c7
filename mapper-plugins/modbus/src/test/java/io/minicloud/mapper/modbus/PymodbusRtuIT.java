package io.minicloud.mapper.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.minicloud.mapper.modbus.peers.DirectLinkSession;
import io.minicloud.mapper.modbus.peers.Mbpoll;
import io.minicloud.mapper.modbus.peers.PymodbusPeer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our driver as the master of an RS-485 bus: pymodbus 3.0 RTU slaves on one end of a socat pty
 * pair, our jSerialComm connection on the other, mbpoll as the cross-check.
 */
@Tag("peer")
class PymodbusRtuIT {
  @TempDir Path dir;
  private PymodbusPeer peer;

  @BeforeEach
  void startPeer() throws Exception {
    String missing = PymodbusPeer.missing(PymodbusPeer.Mode.RTU);
    assumeTrue(missing == null, missing);
    assumeTrue(Mbpoll.installed(), "mbpoll is not installed (apt-get install mbpoll)");
    peer =
        PymodbusPeer.builder(dir, PymodbusPeer.Mode.RTU)
            .input(1, 5, 523)
            .coils(1, 0, true, false, true)
            .holding(17, 0, 0x41AC, 0x0000)
            .broadcast(true)
            .start();
  }

  @AfterEach
  void stopPeer() {
    if (peer != null) {
      peer.close();
    }
  }

  private ModbusDevices device(int unit) {
    return ModbusDevices.rtu(peer.serialDevice().toString(), unit).with("timeout", 500);
  }

  @Test
  void unitsShareTheBusAndADeadUnitTimesOutWithoutDisturbingThem() throws Exception {
    // GIVEN units 1 and 17 on the bus, and a device configured at unit 9, which is absent
    ModbusDriver one =
        device(1)
            .property(
                "humidity",
                "float",
                false,
                "register",
                "InputRegister",
                "offset",
                5,
                "limit",
                1,
                "scale",
                0.1)
            .property("pump", "boolean", false, "register", "CoilRegister", "offset", 0)
            .property("fan", "boolean", false, "register", "CoilRegister", "offset", 2)
            .bind();
    ModbusDriver seventeen =
        device(17)
            .property("t", "float", false, "register", "HoldingRegister", "offset", 0, "limit", 2)
            .bind();
    ModbusDriver nine =
        device(9)
            .property("t", "int", false, "register", "holding", "offset", 0, "limit", 1)
            .bind();
    assertEquals("serial:" + peer.serialDevice(), one.link().id());
    assertEquals(one.link().id(), nine.link().id());
    try (DirectLinkSession bus = DirectLinkSession.open(one.link())) {
      // WHEN each is read in turn over the one serial connection
      List<PointResult> first = one.read(bus, List.of("humidity", "pump", "fan"));
      DeviceException dead =
          assertThrows(DeviceException.class, () -> nine.read(bus, List.of("t")));
      List<PointResult> second = seventeen.read(bus, List.of("t"));
      // THEN the live units answer and the dead one times out
      assertEquals(
          List.of(new LongValue(523, DataType.INT16), new BoolValue(true), new BoolValue(true)),
          first.stream().map(PointResult::raw).toList(),
          () -> first.toString());
      assertEquals(ErrorKind.TIMEOUT, dead.kind(), dead.getMessage());
      assertEquals(new DoubleValue(21.5, DataType.FLOAT32), second.get(0).raw());
    }
  }

  @Test
  void writesOverRtuAreSeenByMbpoll() throws Exception {
    // GIVEN writable properties of unit 17
    ModbusDriver driver =
        device(17)
            .property(
                "setpoint", "float", true, "register", "HoldingRegister", "offset", 20, "limit", 2)
            .property(
                "count",
                "int",
                true,
                "register",
                "HoldingRegister",
                "offset",
                30,
                "limit",
                1,
                "forceMultiple",
                true)
            .property(
                "relays", "uint16", true, "register", "CoilRegister", "offset", 16, "limit", 10)
            .bind();
    // WHEN our driver writes them (fc 16, fc 16 forced for one register, fc 15)
    try (DirectLinkSession bus = DirectLinkSession.open(driver.link())) {
      driver.write(bus, "setpoint", new DoubleValue(-7.75, DataType.FLOAT32));
      driver.write(bus, "count", new LongValue(1234, DataType.INT16));
      driver.write(bus, "relays", new LongValue(0x2A5, DataType.UINT16));
    }
    // THEN mbpoll reads them from the bus once our port is closed
    List<String> unit17 = Mbpoll.rtu(17);
    String bus = peer.serialDevice().toString();
    assertEquals("-7.75", Mbpoll.read(unit17, "4:float", 20, 1, bus, "-B").get(20));
    assertEquals("1234", Mbpoll.read(unit17, "4", 30, 1, bus).get(30));
    List<String> coils = List.copyOf(Mbpoll.read(unit17, "0", 16, 10, bus).values());
    assertEquals(List.of("1", "0", "1", "0", "0", "1", "0", "1", "0", "1"), coils);
  }

  @Test
  void aBroadcastWriteReachesEveryUnit() throws Exception {
    // GIVEN a device at unit 0, the RTU broadcast address
    ModbusDriver all =
        device(0)
            .property("reset", "int", true, "register", "holding", "offset", 99, "limit", 1)
            .bind();
    ModbusDriver one =
        device(1)
            .property("v", "int", false, "register", "holding", "offset", 99, "limit", 1)
            .bind();
    ModbusDriver seventeen =
        device(17)
            .property("v", "int", false, "register", "holding", "offset", 99, "limit", 1)
            .bind();
    try (DirectLinkSession bus = DirectLinkSession.open(all.link())) {
      // WHEN it writes (nobody answers a broadcast)
      all.write(bus, "reset", new LongValue(77, DataType.INT16));
      // THEN every unit took the value, and the broadcast device itself is never read
      Thread.sleep(100); // a broadcast has no reply to wait for; give the slaves their turn
      assertEquals(new LongValue(77, DataType.INT16), one.read(bus, List.of("v")).get(0).raw());
      assertEquals(
          new LongValue(77, DataType.INT16), seventeen.read(bus, List.of("v")).get(0).raw());
      assertEquals(ErrorKind.NO_DATA, all.read(bus, List.of("reset")).get(0).error().kind());
    }
  }

  @Test
  void aDeadSlaveTimesOutAndAnswersAgainAfterARestart() throws Exception {
    // GIVEN a device that answers over an open serial connection
    ModbusDriver driver =
        device(1).property("h", "int", false, "register", "input", "offset", 5, "limit", 1).bind();
    try (DirectLinkSession bus = DirectLinkSession.open(driver.link())) {
      assertTrue(driver.read(bus, List.of("h")).get(0).isOk());
      // WHEN the slave dies, the bus stays
      peer.stop();
      DeviceException dead =
          assertThrows(DeviceException.class, () -> driver.read(bus, List.of("h")));
      // THEN reads time out (a device error: the port is fine), and succeed after a restart
      assertEquals(ErrorKind.TIMEOUT, dead.kind());
      peer.start();
      assertEquals(new LongValue(523, DataType.INT16), driver.read(bus, List.of("h")).get(0).raw());
    }
  }
}
