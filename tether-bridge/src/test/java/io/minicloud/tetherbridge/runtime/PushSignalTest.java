package io.minicloud.tetherbridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.PushSignal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices that push (CoAP Observe, Firmata reports) get their values read and published at once
 * through {@link PushSignal}, not at the next poll; on the FAKE in-memory bus (FakeBus).
 */
class PushSignalTest {
  private static final long HOUR_MS = 3_600_000;
  @TempDir Path dir;
  private final String bus = "bus-" + UUID.randomUUID();
  private final RecordingPublisher published = new RecordingPublisher();
  private final BridgeRuntime runtime = RuntimeTestKit.fakeRuntime(published, 3);

  @AfterEach
  void close() {
    runtime.close();
  }

  @Test
  void aPushedValueIsPublishedLongBeforeTheNextPoll() throws Exception {
    FakeBus fake = startDevice();
    fake.values.put("1/t", DoubleValue.of(21.5));
    long start = System.nanoTime();
    fake.pushSignals.get(1).changed(List.of("temperature"));
    await(() -> lastTemperature() == 21.5, "the pushed value is published");
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "well before an hour");
    assertEquals(1, published.count("d1", "setpoint"), "only the pushed property is read");
  }

  @Test
  void signalsThatArriveFasterThanTheLinkReadsMergeIntoFewReads() throws Exception {
    FakeBus fake = startDevice();
    fake.requestMillis = 50;
    int before = fake.reads(1);
    PushSignal signal = fake.pushSignals.get(1);
    for (int i = 0; i < 200; i++) {
      fake.values.put("1/t", DoubleValue.of(i));
      signal.changed(List.of("temperature"));
    }
    await(() -> lastTemperature() == 199, "the last pushed value is published");
    int reads = fake.reads(1) - before;
    assertTrue(reads <= 3, "200 signals while one read is on the wire cost " + reads + " reads");
  }

  @Test
  void unknownPropertiesAndSignalsAfterRemovalAreIgnored() throws Exception {
    FakeBus fake = startDevice();
    PushSignal signal = fake.pushSignals.get(1);
    int before = fake.reads(1);
    signal.changed(List.of("no-such-property"));
    Thread.sleep(200);
    assertEquals(before, fake.reads(1), "a property the device does not have is not read");
    runtime.apply(DeviceFiles.read(dir, DeviceFiles.MODEL));
    signal.changed(List.of("temperature"));
    Thread.sleep(200);
    assertEquals(before, fake.reads(1), "a removed device is not read again");
  }

  @Test
  void aReconnectHandsTheDriverAFreshSignal() throws Exception {
    FakeBus fake = startDevice();
    PushSignal first = fake.pushSignals.get(1);
    fake.cut();
    await(() -> fake.pushSignals.get(1) != first, "attached again after the reconnect");
    assertNotSame(PushSignal.NONE, fake.pushSignals.get(1));
    fake.values.put("1/t", DoubleValue.of(7));
    fake.pushSignals.get(1).changed(List.of("temperature"));
    await(() -> lastTemperature() == 7, "the new signal works");
  }

  private FakeBus startDevice() throws Exception {
    FakeBus fake = FakeBus.named(bus);
    runtime.apply(
        DeviceFiles.read(dir, DeviceFiles.MODEL + DeviceFiles.device("d1", bus, 1, HOUR_MS, "")));
    await(() -> fake.pushSignals.containsKey(1), "the device is attached");
    await(() -> published.count("d1", "temperature") == 1, "the first poll");
    return fake;
  }

  private double lastTemperature() {
    return published.telemetry.stream()
        .filter(t -> t.property().equals("temperature") && t.reading().value() != null)
        .reduce((a, b) -> b)
        .map(t -> ((DoubleValue) t.reading().value()).value())
        .orElse(Double.NaN);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(5);
    }
  }
}
