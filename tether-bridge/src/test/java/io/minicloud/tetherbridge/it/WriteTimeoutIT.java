package io.minicloud.tetherbridge.it;

import static io.minicloud.tetherbridge.it.ModbusDeviceYaml.property;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.DeviceHealth;
import io.minicloud.mapper.modbus.peers.Mbpoll;
import io.minicloud.mapper.modbus.peers.PymodbusPeer;
import io.minicloud.tetherbridge.runtime.Backoff;
import io.minicloud.tetherbridge.runtime.RuntimeSettings;
import io.minicloud.tetherbridge.runtime.Twin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desired value that could not be written within {@code writeTimeout} (the slave was down) is
 * reported as failed; it must then never reach the device later, when the link comes back: the
 * operator was told it failed and may have moved on.
 */
@Tag("peer")
class WriteTimeoutIT {
  private static final String DEVICE = "boiler-1";
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(2);

  @TempDir Path dir;
  private PymodbusPeer peer;
  private BridgeUnderTest bridge;

  @BeforeEach
  void start() throws Exception {
    String missing = PymodbusPeer.missing(PymodbusPeer.Mode.TCP);
    assumeTrue(missing == null, missing);
    assumeTrue(Mbpoll.installed(), "mbpoll is not installed (apt-get install mbpoll)");
    peer =
        PymodbusPeer.builder(dir.resolve("peer"), PymodbusPeer.Mode.TCP)
            .holding(1, 10, 215)
            .start();
    RuntimeSettings d = RuntimeSettings.defaults();
    bridge =
        new BridgeUnderTest(
            dir,
            new RuntimeSettings(
                d.breakerThreshold(),
                d.breakerOpen(),
                d.breakerMaxOpen(),
                d.frameLogSize(),
                WRITE_TIMEOUT,
                () ->
                    new Backoff(Duration.ofMillis(200), Duration.ofMillis(500), 2, new Random(7))));
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
  void aWriteThatTimedOutIsNeverAppliedLater() throws Exception {
    // GIVEN a boiler whose setpoint (21.5) the bridge reads, and then its slave dies
    bridge.apply(
        new ModbusDeviceYaml()
            .model("boiler-model", "{name: setpoint, type: FLOAT, accessMode: ReadWrite}")
            .device(
                DEVICE,
                "boiler-model",
                "{ip: 127.0.0.1, port: " + peer.port() + ", slaveID: 1, timeout: 500}",
                property(
                    "setpoint",
                    200,
                    "{register: HoldingRegister, offset: 10, limit: 1, scale: 0.1}")));
    BridgeUnderTest.await("online", Duration.ofSeconds(15), () -> health() == DeviceHealth.ONLINE);
    peer.stop();
    BridgeUnderTest.await(
        "offline", Duration.ofSeconds(10), () -> health() == DeviceHealth.OFFLINE);

    // WHEN 23.7 is desired while the link is down: the caller learns it timed out
    var outcome =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.util.concurrent.ExecutionException.class,
            () -> bridge.runtime().desire(DEVICE, "setpoint", 23.7).get(20, TimeUnit.SECONDS));
    assertTrue(
        outcome.getCause() instanceof java.util.concurrent.TimeoutException, outcome.toString());
    Twin.PropertyTwin failed =
        bridge.runtime().device(DEVICE).orElseThrow().twin().property("setpoint");

    // AND the slave comes back and the device has been polled again
    peer.start();
    BridgeUnderTest.await(
        "online again", Duration.ofSeconds(15), () -> health() == DeviceHealth.ONLINE);
    Thread.sleep(1000);

    // THEN the write was reported as failed, saying why, and it was not sent late: the register
    // still holds what it held and the twin still waits for the desired value
    String register = Mbpoll.read(Mbpoll.tcp(peer.port(), 1), "4", 10, 1, "127.0.0.1").get(10);
    Twin.PropertyTwin twin =
        bridge.runtime().device(DEVICE).orElseThrow().twin().property("setpoint");
    assertAll(
        () -> assertNull(failed.observedDesired()),
        () -> assertNotNull(failed.writeError()),
        () ->
            assertFalse(failed.writeError().endsWith("null"), "writeError: " + failed.writeError()),
        () -> assertEquals("215", register, "the setpoint register after the outage"),
        () -> assertTrue(twin.pending(), twin.toString()));
  }

  private DeviceHealth health() {
    return bridge.status(DEVICE).health();
  }
}
