package io.minicloud.tetherbridge.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** A runtime on the FAKE in-memory bus, for tests of the layers above it. */
public final class RuntimeTestKit {
  private RuntimeTestKit() {}

  /**
   * A runtime with only the FAKE plugin: short, seeded backoff; breaker after {@code
   * breakerThreshold} failures, open 5 s (30 s at most); 5 s write timeout.
   */
  static BridgeRuntime fakeRuntime(DevicePublisher publisher, int breakerThreshold) {
    return new BridgeRuntime(
        new DeviceBinder(new PluginRegistry(List.of(new FakePlugin())), 1000),
        publisher,
        RuntimeMetrics.NONE,
        Clock.systemUTC(),
        new RuntimeSettings(
            breakerThreshold,
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            16,
            Duration.ofSeconds(5),
            () -> new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), 2, new Random(3))));
  }

  public static BridgeRuntime runtimeWithOneFakeDevice(Path dir, String device) throws Exception {
    BridgeRuntime runtime = fakeRuntime(DevicePublisher.NONE, 2);
    runtime.apply(
        DeviceFiles.read(
            dir,
            DeviceFiles.MODEL
                + DeviceFiles.device(device, "bus-" + UUID.randomUUID(), 1, 1000, "")));
    return runtime;
  }
}
