package io.minicloud.tetherbridge.it;

import static io.minicloud.tetherbridge.it.ModbusDeviceYaml.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.DeviceHealth;
import io.minicloud.mapper.modbus.peers.PymodbusPeer;
import io.minicloud.tetherbridge.runtime.LinkStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Modbus TCP slave dies for 5 s and comes back on the same port: the link owner notices, the
 * devices go offline, and it reconnects by itself within its backoff bound.
 */
@Tag("peer")
class TcpSlaveRestartIT {
  private static final Duration BACKOFF_INITIAL = Duration.ofMillis(200);
  private static final Duration BACKOFF_MAX = Duration.ofSeconds(2);

  /** Connect, attach and one poll on a loaded 2-core machine, on top of the longest wait. */
  private static final Duration MARGIN = Duration.ofMillis(2500);

  @TempDir Path dir;
  private PymodbusPeer peer;
  private BridgeUnderTest bridge;

  @BeforeEach
  void start() throws Exception {
    String missing = PymodbusPeer.missing(PymodbusPeer.Mode.TCP);
    assumeTrue(missing == null, missing);
    peer =
        PymodbusPeer.builder(dir.resolve("peer"), PymodbusPeer.Mode.TCP)
            .holding(1, 0, 111)
            .holding(17, 0, 1717)
            .start();
    bridge = new BridgeUnderTest(dir, BridgeUnderTest.settings(BACKOFF_INITIAL, BACKOFF_MAX));
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
  void devicesGoOfflineAndComeBackWithinTheBackoffBound() throws Exception {
    // GIVEN units 1 and 17 behind one endpoint (one link), both online
    String endpoint = "{ip: 127.0.0.1, port: " + peer.port() + ", timeout: 500, slaveID: ";
    bridge.apply(
        new ModbusDeviceYaml()
            .model("counter-model", "{name: count, type: INT, accessMode: ReadOnly}")
            .device(
                "unit-1",
                "counter-model",
                endpoint + "1}",
                property("count", 200, "{register: HoldingRegister, offset: 0, limit: 1}"))
            .device(
                "unit-17",
                "counter-model",
                endpoint + "17}",
                property("count", 200, "{register: HoldingRegister, offset: 0, limit: 1}")));
    List<String> devices = List.of("unit-1", "unit-17");
    BridgeUnderTest.await(
        "both online", Duration.ofSeconds(15), () -> all(devices, DeviceHealth.ONLINE));
    assertEquals(1, bridge.runtime().links().size(), "one endpoint, one link");
    String link = bridge.runtime().links().get(0).id();

    // WHEN the slave is killed
    peer.stop();
    long stoppedAt = System.nanoTime();
    // THEN both devices are published offline and the link is down
    Duration noticed =
        BridgeUnderTest.await(
            "both offline", Duration.ofSeconds(10), () -> all(devices, DeviceHealth.OFFLINE));
    LinkStatus down = bridge.runtime().links().get(0);
    assertFalse(down.connected(), "link still connected: " + down);
    assertNotNull(down.lastError());
    for (String d : devices) {
      List<DeviceHealth> published = bridge.published().healthHistory(d);
      assertEquals(DeviceHealth.OFFLINE, published.get(published.size() - 1), d + ": " + published);
    }

    // AND WHEN it is started again on the same port after 5 s
    long downFor = Duration.ofSeconds(5).toNanos() - (System.nanoTime() - stoppedAt);
    Thread.sleep(Math.max(0, downFor / 1_000_000));
    long restartAt = System.nanoTime();
    peer.start(); // returns once pymodbus serves
    long readyAfter = (System.nanoTime() - restartAt) / 1_000_000;

    // THEN both are online again within the longest backoff wait plus a margin
    Duration back =
        BridgeUnderTest.await(
            "both online again", BACKOFF_MAX.plus(MARGIN), () -> all(devices, DeviceHealth.ONLINE));
    System.out.printf(
        "[TcpSlaveRestartIT] offline noticed after %d ms; slave restarted in %d ms; devices online"
            + " %d ms after it served (bound %d ms + %d ms margin)%n",
        noticed.toMillis(), readyAfter, back.toMillis(), BACKOFF_MAX.toMillis(), MARGIN.toMillis());
    LinkStatus up = bridge.runtime().links().get(0);
    assertTrue(up.connected(), up.toString());
    assertEquals(1, up.reconnects(), "one new connection after the outage");
    assertEquals(1, bridge.metrics().reconnects(link));
    for (String d : devices) {
      List<DeviceHealth> history = bridge.published().healthHistory(d);
      int firstOnline = history.indexOf(DeviceHealth.ONLINE);
      int offline = history.lastIndexOf(DeviceHealth.OFFLINE);
      assertTrue(
          firstOnline >= 0 && offline > firstOnline && offline < history.size() - 1,
          d + " published " + history);
      assertEquals(
          DeviceHealth.ONLINE, history.get(history.size() - 1), d + " published " + history);
      assertNotNull(bridge.status(d).lastOnline());
    }
  }

  private boolean all(List<String> devices, DeviceHealth health) {
    return devices.stream().allMatch(d -> bridge.status(d).health() == health);
  }
}
