package io.minicloud.tetherbridge.it;

import static io.minicloud.tetherbridge.it.ModbusDeviceYaml.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.modbus.peers.PymodbusPeer;
import io.minicloud.tetherbridge.runtime.FrameLog;
import io.minicloud.tetherbridge.runtime.RuntimeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a field engineer sees in {@code /devices/{name}/frames}: the bytes that really crossed a
 * pymodbus RTU bus, decodable as Modbus requests and replies, and the timeouts of a dead unit.
 */
@Tag("peer")
class RtuFrameLogIT {
  @TempDir Path dir;
  private PymodbusPeer peer;
  private BridgeUnderTest bridge;

  @BeforeEach
  void start() throws Exception {
    String missing = PymodbusPeer.missing(PymodbusPeer.Mode.RTU);
    assumeTrue(missing == null, missing);
    peer =
        PymodbusPeer.builder(dir.resolve("peer"), PymodbusPeer.Mode.RTU)
            .holding(1, 0, 0x4229, 0x0000)
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

  @Test
  void theFrameLogHoldsModbusRequestsRepliesAndTimeouts() throws Exception {
    // GIVEN unit 1 (answers) and unit 2 (absent) on one RTU bus, reading holding registers 0..1
    // (a generous timeout: a reply of the live unit that a loaded machine delays must not be
    // logged as a timeout here)
    String bus =
        "{serialPort: " + peer.serialDevice() + ", baudRate: 19200, parity: none, timeout: 1000,";
    bridge.apply(
        new ModbusDeviceYaml()
            .model("level-model", "{name: level, type: FLOAT, accessMode: ReadOnly}")
            .device(
                "unit-1",
                "level-model",
                bus + " slaveID: 1}",
                property("level", 100, "{register: HoldingRegister, offset: 0, limit: 2}"))
            .device(
                "unit-2",
                "level-model",
                bus + " slaveID: 2}",
                property("level", 100, "{register: HoldingRegister, offset: 0, limit: 2}")));

    // WHEN they have been polled for a while
    BridgeUnderTest.await(
        "unit 1 read 10 times, unit 2 timed out twice",
        Duration.ofSeconds(20),
        () ->
            bridge.metrics().reads("unit-1") >= 10
                && bridge.metrics().errors("unit-2", ErrorKind.TIMEOUT) >= 2);
    List<FrameLog.Frame> live = bridge.runtime().device("unit-1").orElseThrow().frames().last(10);
    List<FrameLog.Frame> dead = bridge.runtime().device("unit-2").orElseThrow().frames().last(10);
    live.forEach(f -> System.out.println("[RtuFrameLogIT] unit-1 " + f));
    dead.forEach(f -> System.out.println("[RtuFrameLogIT] unit-2 " + f));

    // THEN unit 1's log alternates requests (unit 1, fc 3, address 0, 2 registers, valid CRC)
    // and their replies (unit 1, fc 3, 4 bytes: 42 29 00 00, valid CRC)
    assertEquals(10, live.size());
    for (int i = 0; i < live.size(); i++) {
      FrameLog.Frame frame = live.get(i);
      byte[] b = RtuFrames.bytes(frame.hex());
      assertNull(frame.note(), frame.toString());
      assertTrue(RtuFrames.crcOk(b), "CRC of " + frame);
      assertEquals(1, RtuFrames.u8(b, 0), "unit id of " + frame);
      assertEquals(3, RtuFrames.u8(b, 1), "read holding registers in " + frame);
      if (frame.direction().equals("tx")) {
        assertEquals("01 03 00 00 00 02 C4 0B", frame.hex(), "the well-known request");
        if (i < live.size() - 1) { // the newest request may still wait for its reply
          assertEquals("rx", live.get(i + 1).direction(), "a reply after " + frame);
        }
      } else {
        assertEquals(4, RtuFrames.u8(b, 2), "byte count of " + frame);
        assertEquals(0x4229, RtuFrames.u16(b, 3));
        assertEquals(0x0000, RtuFrames.u16(b, 5));
      }
      if (i > 0) {
        assertTrue(!frame.at().isBefore(live.get(i - 1).at()), "in time order");
      }
    }
    // AND unit 2's log shows its requests and, for each, the timeout with nothing received
    List<FrameLog.Frame> requests = dead.stream().filter(f -> f.direction().equals("tx")).toList();
    List<FrameLog.Frame> timeouts = dead.stream().filter(f -> f.direction().equals("rx")).toList();
    assertTrue(requests.size() >= 2, dead.toString());
    for (FrameLog.Frame request : requests) {
      byte[] b = RtuFrames.bytes(request.hex());
      assertTrue(RtuFrames.crcOk(b), "CRC of " + request);
      assertEquals(2, RtuFrames.u8(b, 0));
      assertEquals(3, RtuFrames.u8(b, 1));
    }
    // (a request may still be waiting, or its own request may have left the window)
    assertTrue(timeouts.size() >= 2, dead.toString());
    assertTrue(Math.abs(requests.size() - timeouts.size()) <= 1, dead.toString());
    for (FrameLog.Frame timeout : timeouts) {
      assertEquals("", timeout.hex());
      assertEquals("timeout after 0 bytes", timeout.note());
    }
  }
}
