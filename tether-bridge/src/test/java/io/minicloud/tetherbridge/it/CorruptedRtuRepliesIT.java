package io.minicloud.tetherbridge.it;

import static io.minicloud.tetherbridge.it.ModbusDeviceYaml.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.Quality;
import io.minicloud.mapper.modbus.peers.PymodbusPeer;
import io.minicloud.tetherbridge.runtime.RuntimeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bit errors on the wire: between the bridge and a pymodbus RTU slave, a proxy flips one bit in
 * about a third of the replies. The bridge must never publish a wrong value; it retries a corrupt
 * reply once and reports a CRC failure when the retry is corrupt too.
 */
@Tag("peer")
class CorruptedRtuRepliesIT {
  private static final String DEVICE = "tank-1";
  private static final Map<String, Double> TRUTH = Map.of("level", 42.25, "pressure", 12.34);

  @TempDir Path dir;
  private PymodbusPeer peer;
  private BitFlippingProxy proxy;
  private BridgeUnderTest bridge;

  @BeforeEach
  void start() throws Exception {
    String missing = PymodbusPeer.missing(PymodbusPeer.Mode.RTU);
    assumeTrue(missing == null, missing);
    peer =
        PymodbusPeer.builder(dir.resolve("peer"), PymodbusPeer.Mode.RTU)
            .holding(1, 0, 0x4229, 0x0000, 1234) // 42.25 as float32; 12.34 at 0.01 per count
            .start();
    proxy = BitFlippingProxy.start(dir.resolve("proxy"), peer.serialDevice(), 0.3, 20240611L);
    bridge = new BridgeUnderTest(dir, RuntimeSettings.defaults());
  }

  @AfterEach
  void stop() {
    if (bridge != null) {
      bridge.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (peer != null) {
      peer.close();
    }
  }

  @Test
  void noCorruptReplyBecomesAValue() throws Exception {
    // GIVEN a tank read every 100 ms through the noisy line, every reading reported
    String visitor = ", report: {strategy: periodic, period: 1}}"; // every reading
    bridge.apply(
        new ModbusDeviceYaml()
            .model(
                "tank-model",
                "{name: level, type: FLOAT, accessMode: ReadOnly}",
                "{name: pressure, type: FLOAT, accessMode: ReadOnly}")
            .device(
                DEVICE,
                "tank-model",
                "{serialPort: " + proxy.bridgeSide() + ", parity: none, slaveID: 1, timeout: 1000}",
                property("level", 100, "{register: HoldingRegister, offset: 0, limit: 2" + visitor),
                property(
                    "pressure",
                    100,
                    "{register: HoldingRegister, offset: 2, limit: 1, scale: 0.01" + visitor)));

    // WHEN it runs until 80 polls went through (about 25 corrupted replies)
    BridgeUnderTest.await(
        "80 polls", Duration.ofSeconds(60), () -> bridge.metrics().polls(DEVICE) >= 80);
    bridge.close(); // the counts below are final once the link worker has stopped
    assertNull(proxy.failure(), () -> "proxy failed: " + proxy.failure());

    // THEN every value that went north is the slave's value
    List<NorthboundRecorder.Telemetry> published = bridge.published().telemetry();
    long good = 0;
    for (NorthboundRecorder.Telemetry t : published) {
      if (t.reading().quality() == Quality.GOOD) {
        good++;
        double value = ((DoubleValue) t.reading().value()).value();
        assertEquals(TRUTH.get(t.property()), value, 1e-9, t.toString());
      } else {
        assertEquals(ErrorKind.CRC, t.reading().errorKind(), t.toString());
      }
    }
    long retries = bridge.metrics().retries(DEVICE);
    long crcErrors = bridge.metrics().errors(DEVICE, ErrorKind.CRC);
    System.out.printf(
        "[CorruptedRtuRepliesIT] %d polls, %d replies, %d flipped; %d retries, %d CRC failures"
            + " (per property), %d good values published, %d bad%n",
        bridge.metrics().polls(DEVICE),
        proxy.replies(),
        proxy.flipped(),
        retries,
        crcErrors,
        good,
        published.size() - good);
    assertTrue(good >= 100, good + " good values published");
    // AND each corrupt reply was either retried or, when the retry was corrupt too, reported as a
    // CRC failure of both properties its request carried
    assertTrue(proxy.flipped() > 0 && retries > 0, "nothing was corrupted");
    assertTrue(crcErrors > 0, "no retry was corrupted too (the seeded sequence has some)");
    assertTrue(
        Math.abs(proxy.flipped() - (retries + crcErrors / 2)) <= 1,
        proxy.flipped() + " flipped, " + retries + " retries, " + crcErrors + " CRC failures");
    assertEquals(0, bridge.metrics().errors(DEVICE, ErrorKind.TIMEOUT));
    assertEquals(0, bridge.metrics().errors(DEVICE, ErrorKind.MALFORMED));
  }
}
