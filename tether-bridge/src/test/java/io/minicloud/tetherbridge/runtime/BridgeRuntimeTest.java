package io.minicloud.tetherbridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.DeviceHealth;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.tetherbridge.devices.DeviceChanges;
import io.minicloud.tetherbridge.devices.DeviceFileException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime against the FAKE in-memory bus (FakeBus): scheduling, breaker, reconnect, twin. */
class BridgeRuntimeTest {
  @TempDir Path dir;
  private final String bus = "bus-" + UUID.randomUUID();
  private final RecordingPublisher published = new RecordingPublisher();
  private final BridgeRuntime runtime = RuntimeTestKit.fakeRuntime(published, 2);

  @AfterEach
  void close() {
    runtime.close();
  }

  private FakeBus bus() {
    return FakeBus.named(bus);
  }

  @Test
  void aDeadUnitOnASharedBusDoesNotStarveTheLiveOne() throws Exception {
    // GIVEN two units on one bus, polled every 50 ms; unit 2 is dead (100 ms timeouts)
    bus().deadUnits.add(2);
    runtime.apply(
        DeviceFiles.read(
            dir,
            DeviceFiles.MODEL
                + DeviceFiles.device("live", bus, 1, 50, "")
                + DeviceFiles.device("dead", bus, 2, 50, "")));
    // WHEN they run for 3 s
    Thread.sleep(3000);
    // THEN the live unit got at least 80 % of its 60 configured polls
    int reads = bus().reads(1);
    assertTrue(reads >= 48, "live unit polled " + reads + " times of 60");
    assertEquals(DeviceHealth.OFFLINE, status("dead").health());
    assertEquals("open", status("dead").circuit());
    assertEquals(DeviceHealth.ONLINE, status("live").health());
  }

  @Test
  void theLinkReconnectsAndTheDevicesComeBack() throws Exception {
    runtime.apply(
        DeviceFiles.read(dir, DeviceFiles.MODEL + DeviceFiles.device("d1", bus, 1, 20, "")));
    await(() -> status("d1").health() == DeviceHealth.ONLINE);
    // WHEN the connection dies and the next connects are refused for a while
    bus().refuseConnections = true;
    bus().cut();
    await(() -> status("d1").health() == DeviceHealth.OFFLINE);
    Thread.sleep(200);
    bus().refuseConnections = false;
    // THEN it reconnects by itself, once
    await(() -> status("d1").health() == DeviceHealth.ONLINE);
    assertEquals(2, bus().connections.get());
    assertEquals(1, runtime.links().get(0).reconnects());
    assertTrue(status("d1").lastOnline() != null);
  }

  @Test
  void aChangeToPollingAloneNeverReconnects() throws Exception {
    runtime.apply(
        DeviceFiles.read(dir, DeviceFiles.MODEL + DeviceFiles.device("d1", bus, 1, 500, "")));
    await(() -> status("d1").health() == DeviceHealth.ONLINE);
    // WHEN only the collect cycle changes
    DeviceChanges changes =
        runtime.apply(
            DeviceFiles.read(dir, DeviceFiles.MODEL + DeviceFiles.device("d1", bus, 1, 20, "")));
    // THEN the device is rescheduled on the same connection
    assertEquals(java.util.Set.of("d1"), changes.pollingOnly());
    int before = bus().reads(1);
    Thread.sleep(500);
    assertTrue(bus().reads(1) - before >= 10, "now polled every 20 ms");
    assertEquals(1, bus().connections.get());
  }

  @Test
  void anInvalidFileIsRejectedWithFileFieldAndReasonAndTheRunningSetStays() throws Exception {
    runtime.apply(
        DeviceFiles.read(dir, DeviceFiles.MODEL + DeviceFiles.device("d1", bus, 1, 100, "")));
    // the link worker connects asynchronously: wait for it, or the count below races it
    await(() -> status("d1").health() == DeviceHealth.ONLINE);
    String broken =
        DeviceFiles.MODEL
            + DeviceFiles.device("d1", bus, 1, 100, "").replace("unit: 1", "unit: one");
    DeviceFileException e =
        assertThrows(DeviceFileException.class, () -> runtime.apply(DeviceFiles.read(dir, broken)));
    assertTrue(
        e.messages()
            .get(0)
            .endsWith(
                "devices.yaml: Device \"d1\": spec.protocol.configData.unit: required, a number"),
        e.messages().toString());
    assertEquals(1, runtime.statuses().size());
    assertEquals(1, bus().connections.get());
  }

  @Test
  void aBadReportSettingIsRejectedBeforeAnythingRuns() throws Exception {
    DeviceFileException e =
        assertThrows(
            DeviceFileException.class,
            () ->
                runtime.apply(
                    DeviceFiles.read(
                        dir,
                        DeviceFiles.MODEL
                            + DeviceFiles.device(
                                "d1", bus, 1, 100, "report: {strategy: sometimes}"))));
    assertTrue(
        e.messages()
            .get(0)
            .contains(
                "Device \"d1\": spec.properties[temperature].visitors.configData.report.strategy: 'sometimes'"),
        e.messages().toString());
    assertTrue(runtime.statuses().isEmpty());
  }

  @Test
  void aDesiredValueIsWrittenReadBackAndVerified() throws Exception {
    runtime.apply(
        DeviceFiles.read(dir, DeviceFiles.MODEL + DeviceFiles.device("d1", bus, 1, 1000, "")));
    Twin.PropertyTwin twin = runtime.desire("d1", "setpoint", 42).get(5, TimeUnit.SECONDS);
    assertEquals(LongValue.of(42), twin.desired());
    assertEquals(LongValue.of(42), twin.observedDesired());
    assertEquals(null, twin.writeError());
    assertEquals(new LongValue(42, io.minicloud.mapper.api.DataType.INT16), bus().value(1, "sp"));
  }

  @Test
  void aWriteTheDeviceIgnoresIsNotVerified() throws Exception {
    bus().ignoreWrites.add(1);
    runtime.apply(
        DeviceFiles.read(dir, DeviceFiles.MODEL + DeviceFiles.device("d1", bus, 1, 1000, "")));
    Twin.PropertyTwin twin = runtime.desire("d1", "setpoint", 42).get(5, TimeUnit.SECONDS);
    assertEquals(null, twin.observedDesired());
    assertTrue(twin.pending());
    assertTrue(twin.writeError().startsWith("read back 0.0 after writing 42"), twin.writeError());
  }

  @Test
  void valuesOutsideTheModelRangeAreRefusedBeforeAnyWrite() throws Exception {
    runtime.apply(
        DeviceFiles.read(dir, DeviceFiles.MODEL + DeviceFiles.device("d1", bus, 1, 1000, "")));
    assertThrows(IllegalArgumentException.class, () -> runtime.desire("d1", "temperature", 3));
    assertThrows(IllegalArgumentException.class, () -> runtime.desire("d1", "setpoint", "hot"));
  }

  @Test
  void onChangeReportingSendsAConstantValueOnce() throws Exception {
    bus().values.put("1/t", DoubleValue.of(21.5));
    runtime.apply(
        DeviceFiles.read(
            dir,
            DeviceFiles.MODEL
                + DeviceFiles.device("d1", bus, 1, 10, "report: {strategy: on-change}")));
    await(() -> bus().reads(1) > 20);
    assertEquals(1, published.count("d1", "temperature"));
    bus().values.put("1/t", DoubleValue.of(22.0));
    await(() -> published.count("d1", "temperature") == 2);
  }

  private DeviceStatus status(String device) {
    return runtime.statuses().stream()
        .filter(s -> s.device().equals(device))
        .findFirst()
        .orElseThrow();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 5 s");
      }
      Thread.sleep(10);
    }
  }
}
