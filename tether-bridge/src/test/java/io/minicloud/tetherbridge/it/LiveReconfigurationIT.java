package io.minicloud.tetherbridge.it;

import static io.minicloud.tetherbridge.it.ModbusDeviceYaml.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.DeviceHealth;
import io.minicloud.mapper.api.peers.PeerProcess;
import io.minicloud.mapper.modbus.peers.PymodbusPeer;
import io.minicloud.tetherbridge.devices.DeviceChanges;
import io.minicloud.tetherbridge.runtime.LinkStatus;
import io.minicloud.tetherbridge.runtime.RuntimeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device file edit that changes only a collect cycle reschedules the device on its open
 * connection: the slave sees no new TCP connection (checked from the outside with {@code ss}), and
 * the poll rate follows the new cycle.
 */
@Tag("peer")
class LiveReconfigurationIT {
  private static final String DEVICE = "pump-1";
  private static final Duration WINDOW = Duration.ofSeconds(4);

  @TempDir Path dir;
  private PymodbusPeer peer;
  private BridgeUnderTest bridge;

  @BeforeEach
  void start() throws Exception {
    String missing = PymodbusPeer.missing(PymodbusPeer.Mode.TCP);
    assumeTrue(missing == null, missing);
    assumeTrue(PeerProcess.onPath("ss"), "ss is not installed (apt-get install iproute2)");
    peer =
        PymodbusPeer.builder(dir.resolve("peer"), PymodbusPeer.Mode.TCP)
            .holding(1, 0, 1450)
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

  private ModbusDeviceYaml pump(long collectMs) {
    return new ModbusDeviceYaml()
        .model("pump-model", "{name: speed, type: INT, accessMode: ReadOnly}")
        .device(
            DEVICE,
            "pump-model",
            "{ip: 127.0.0.1, port: " + peer.port() + ", slaveID: 1, timeout: 1000}",
            property("speed", collectMs, "{register: HoldingRegister, offset: 0, limit: 1}"));
  }

  @Test
  void aNewCollectCycleReschedulesOnTheSameConnection() throws Exception {
    // GIVEN the pump polled every 500 ms over one TCP connection
    bridge.apply(pump(500));
    BridgeUnderTest.await(
        "online",
        Duration.ofSeconds(15),
        () -> bridge.status(DEVICE).health() == DeviceHealth.ONLINE);
    List<Integer> connections = clientPorts();
    assertEquals(1, connections.size(), "connections to the slave: " + connections);
    double slow = rate(WINDOW);

    // WHEN the same file is applied with only the collect cycle changed to 100 ms
    DeviceChanges changes = bridge.apply(pump(100));
    double fast = rate(WINDOW);

    // THEN the device was rescheduled, not reconnected
    System.out.printf(
        "[LiveReconfigurationIT] %.2f reads/s at 500 ms, %.2f reads/s at 100 ms; connection from"
            + " port %s before, %s after%n",
        slow, fast, connections, clientPorts());
    assertEquals(Set.of(DEVICE), changes.pollingOnly());
    assertEquals(Set.of(), changes.reconnect());
    assertEquals(connections, clientPorts(), "the same TCP connection (client port) as before");
    LinkStatus link = bridge.runtime().links().get(0);
    assertEquals(0, link.reconnects());
    assertEquals(0, bridge.metrics().reconnects(link.id()));
    assertEquals(List.of(DEVICE), link.devices());
    // AND the poll rate follows the new cycle (2/s before, 10/s after; 80 % of them at least)
    assertTrue(slow <= 2.5, slow + " reads/s at 500 ms");
    assertTrue(fast >= 8, fast + " reads/s at 100 ms");
  }

  /** Reads per second of the device over {@code window}. */
  private double rate(Duration window) throws InterruptedException {
    long before = bridge.metrics().reads(DEVICE);
    long start = System.nanoTime();
    Thread.sleep(window.toMillis());
    long reads = bridge.metrics().reads(DEVICE) - before;
    return reads / ((System.nanoTime() - start) / 1e9);
  }

  /** The client ports of the connections established to the slave, as the kernel sees them. */
  private List<Integer> clientPorts() throws Exception {
    String out =
        PeerProcess.run(
            dir, "ss", "-Htn", "state", "established", "( sport = :" + peer.port() + " )");
    List<Integer> ports = new ArrayList<>();
    for (String line : out.strip().split("\n")) {
      if (!line.isBlank()) {
        String peerAddress = line.trim().split("\\s+")[3];
        ports.add(Integer.parseInt(peerAddress.substring(peerAddress.lastIndexOf(':') + 1)));
      }
    }
    return ports;
  }
}
