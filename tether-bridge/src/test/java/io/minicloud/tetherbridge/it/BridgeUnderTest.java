package io.minicloud.tetherbridge.it;

import io.minicloud.tetherbridge.devices.DeviceChanges;
import io.minicloud.tetherbridge.devices.DeviceFileException;
import io.minicloud.tetherbridge.runtime.Backoff;
import io.minicloud.tetherbridge.runtime.BridgeRuntime;
import io.minicloud.tetherbridge.runtime.DeviceBinder;
import io.minicloud.tetherbridge.runtime.DeviceStatus;
import io.minicloud.tetherbridge.runtime.PluginRegistry;
import io.minicloud.tetherbridge.runtime.RuntimeSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The real device runtime as production builds it (plugins found by ServiceLoader, the system
 * clock), with a recording publisher and counting metrics in place of the MQTT northbound and
 * Micrometer. Device sets are applied from real KubeEdge files.
 */
public final class BridgeUnderTest implements AutoCloseable {
  private final NorthboundRecorder published = new NorthboundRecorder();
  private final CountingMetrics metrics = new CountingMetrics();
  private final Path dir;
  private final BridgeRuntime runtime;

  public BridgeUnderTest(Path dir, RuntimeSettings settings) {
    this.dir = dir;
    this.runtime =
        new BridgeRuntime(
            new DeviceBinder(PluginRegistry.discover(), 1000),
            published,
            metrics,
            Clock.systemUTC(),
            settings);
  }

  /** The production defaults with a given reconnect backoff (seeded jitter). */
  public static RuntimeSettings settings(Duration backoffInitial, Duration backoffMax) {
    RuntimeSettings d = RuntimeSettings.defaults();
    Supplier<Backoff> backoff = () -> new Backoff(backoffInitial, backoffMax, 2, new Random(7));
    return new RuntimeSettings(
        d.breakerThreshold(),
        d.breakerOpen(),
        d.breakerMaxOpen(),
        d.frameLogSize(),
        d.writeTimeout(),
        backoff);
  }

  /** Writes the files to {@code <dir>/devices.yaml} and applies them. */
  public DeviceChanges apply(ModbusDeviceYaml files) throws IOException, DeviceFileException {
    return runtime.apply(files.writeAndRead(dir.resolve("devices.yaml")));
  }

  public BridgeRuntime runtime() {
    return runtime;
  }

  public NorthboundRecorder published() {
    return published;
  }

  public CountingMetrics metrics() {
    return metrics;
  }

  public DeviceStatus status(String device) {
    return runtime.statuses().stream()
        .filter(s -> s.device().equals(device))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no device " + device));
  }

  /**
   * Waits for {@code condition}.
   *
   * @return how long it took
   * @throws AssertionError naming {@code what} when it did not happen within {@code timeout}
   */
  public static Duration await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(what + ": not within " + timeout.toMillis() + " ms");
      }
      Thread.sleep(10);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() {
    runtime.close();
  }
}
