package io.minicloud.tetherbridge.it;

import static io.minicloud.tetherbridge.it.ModbusDeviceYaml.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.DeviceHealth;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.modbus.peers.PymodbusPeer;
import io.minicloud.tetherbridge.runtime.RuntimeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test for shared buses: two units on one RS-485 line (one link, one owner), polled
 * every 200 ms with a 300 ms timeout. A dead unit would cost a live one every other poll; its
 * circuit breaker must keep the live unit at 80 % or more of its configured rate. A pymodbus RTU
 * slave on a socat pty pair is the bus; the production breaker settings are used.
 */
@Tag("peer")
class SharedRtuBusIT {
  private static final long COLLECT_MS = 200;
  private static final Duration RUN = Duration.ofSeconds(20);
  private static final Map<String, String> RESULTS = new ConcurrentHashMap<>();

  @TempDir Path dir;
  private PymodbusPeer peer;
  private BridgeUnderTest bridge;

  @BeforeEach
  void check() {
    String missing = PymodbusPeer.missing(PymodbusPeer.Mode.RTU);
    assumeTrue(missing == null, missing);
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

  @AfterAll
  static void compare() {
    System.out.println("[SharedRtuBusIT] unit 1 beside a dead unit 2: " + RESULTS.get("dead"));
    System.out.println("[SharedRtuBusIT] unit 1 beside a live unit 2: " + RESULTS.get("alive"));
  }

  private ModbusDeviceYaml twoUnits() {
    String bus =
        "{serialPort: " + peer.serialDevice() + ", baudRate: 19200, parity: none, timeout: 300,";
    return new ModbusDeviceYaml()
        .model("level-model", "{name: level, type: FLOAT, accessMode: ReadOnly}")
        .device(
            "unit-1",
            "level-model",
            bus + " slaveID: 1}",
            property("level", COLLECT_MS, "{register: HoldingRegister, offset: 0, limit: 2}"))
        .device(
            "unit-2",
            "level-model",
            bus + " slaveID: 2}",
            property("level", COLLECT_MS, "{register: HoldingRegister, offset: 0, limit: 2}"));
  }

  @Test
  void aDeadUnitDoesNotStarveTheLiveOne() throws Exception {
    // GIVEN a bus where only unit 1 answers, and devices for units 1 and 2 on it
    peer =
        PymodbusPeer.builder(dir.resolve("peer"), PymodbusPeer.Mode.RTU)
            .holding(1, 0, 0x4229, 0x0000) // 42.25
            .start();
    bridge = new BridgeUnderTest(dir, RuntimeSettings.defaults());
    bridge.apply(twoUnits());
    assertEquals(1, bridge.runtime().links().size(), "one serial port, one link");

    // WHEN they run for 20 s
    double seconds = run();

    // THEN unit 1 got at least 80 % of its configured polls
    long reads = bridge.metrics().reads("unit-1");
    long timeouts = bridge.metrics().errors("unit-2", ErrorKind.TIMEOUT);
    RESULTS.put(
        "dead",
        rate(reads, seconds) + "; unit 2: " + timeouts + " timeouts, circuit " + circuit("unit-2"));
    System.out.println("[SharedRtuBusIT] dead unit 2: unit 1 " + RESULTS.get("dead"));
    assertTrue(reads >= 0.8 * expected(seconds), "unit 1: " + rate(reads, seconds));
    assertEquals(DeviceHealth.ONLINE, bridge.status("unit-1").health());
    // (a reply of unit 1 that a loaded machine delays past 300 ms is not the dead unit's doing)
    long liveTimeouts = bridge.metrics().errors("unit-1", ErrorKind.TIMEOUT);
    assertTrue(liveTimeouts <= 2, "unit 1 timed out " + liveTimeouts + " times");
    // AND unit 2 is offline with its circuit open: probed now and then, not every 200 ms
    assertEquals(DeviceHealth.OFFLINE, bridge.status("unit-2").health());
    BridgeUnderTest.await(
        "unit 2's circuit open (not in a probe)",
        Duration.ofSeconds(2),
        () -> circuit("unit-2").equals("open"));
    assertEquals(0, bridge.metrics().reads("unit-2"));
    assertTrue(timeouts >= 3 && timeouts <= 10, timeouts + " timeouts of unit 2");
  }

  @Test
  void twoLiveUnitsEachGetTheirRate() throws Exception {
    // GIVEN a bus where units 1 and 2 both answer
    peer =
        PymodbusPeer.builder(dir.resolve("peer"), PymodbusPeer.Mode.RTU)
            .holding(1, 0, 0x4229, 0x0000)
            .holding(2, 0, 0x4229, 0x0000)
            .start();
    bridge = new BridgeUnderTest(dir, RuntimeSettings.defaults());
    bridge.apply(twoUnits());

    // WHEN they run for 20 s
    double seconds = run();

    // THEN both got at least 80 % of their configured polls
    long one = bridge.metrics().reads("unit-1");
    long two = bridge.metrics().reads("unit-2");
    RESULTS.put("alive", rate(one, seconds) + "; unit 2 " + rate(two, seconds));
    System.out.println("[SharedRtuBusIT] live unit 2: unit 1 " + RESULTS.get("alive"));
    assertTrue(one >= 0.8 * expected(seconds), "unit 1: " + rate(one, seconds));
    assertTrue(two >= 0.8 * expected(seconds), "unit 2: " + rate(two, seconds));
    assertEquals(DeviceHealth.ONLINE, bridge.status("unit-1").health());
    assertEquals(DeviceHealth.ONLINE, bridge.status("unit-2").health());
  }

  private static double run() throws InterruptedException {
    long start = System.nanoTime();
    Thread.sleep(RUN.toMillis());
    return (System.nanoTime() - start) / 1e9;
  }

  /** Polls the schedule asks for in {@code seconds}: one at once, then one per period. */
  private static double expected(double seconds) {
    return Math.floor(seconds * 1000 / COLLECT_MS) + 1;
  }

  private static String rate(long reads, double seconds) {
    return String.format(
        "%d reads in %.1f s = %.2f/s, configured %.2f/s (%.0f %% of the polls due)",
        reads, seconds, reads / seconds, 1000.0 / COLLECT_MS, 100 * reads / expected(seconds));
  }

  private String circuit(String device) {
    return bridge.status(device).circuit();
  }
}
