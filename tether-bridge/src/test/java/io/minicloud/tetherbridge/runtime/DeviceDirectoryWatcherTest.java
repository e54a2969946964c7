package io.minicloud.tetherbridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.tetherbridge.devices.DeviceFileReader;
import io.minicloud.tetherbridge.devices.DeviceSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceDirectoryWatcherTest {
  @TempDir Path dir;
  private final List<DeviceSet> applied = new CopyOnWriteArrayList<>();

  private DeviceDirectoryWatcher watcher() {
    return new DeviceDirectoryWatcher(
        dir, new DeviceFileReader(), applied::add, Duration.ofMillis(100), Clock.systemUTC());
  }

  @Test
  void appliesAtStartAndAgainWhenAFileChanges() throws Exception {
    Files.writeString(
        dir.resolve("a.yaml"), DeviceFiles.MODEL + DeviceFiles.device("d1", "b", 1, 100, ""));
    try (DeviceDirectoryWatcher watcher = watcher()) {
      assertTrue(watcher.start().applied());
      assertEquals(1, applied.size());
      // WHEN a second device is added to the directory
      Files.writeString(
          dir.resolve("b.yaml"), DeviceFiles.device("d2", "b", 2, 100, "").replace("---", ""));
      // THEN the new set is applied without a restart
      await(() -> applied.size() == 2);
      assertEquals(2, applied.get(1).devices().size());
    }
  }

  @Test
  void aBrokenFileIsReportedAndNothingIsApplied() throws Exception {
    Files.writeString(
        dir.resolve("a.yaml"), DeviceFiles.MODEL + DeviceFiles.device("d1", "b", 1, 100, ""));
    try (DeviceDirectoryWatcher watcher = watcher()) {
      watcher.start();
      Files.writeString(
          dir.resolve("a.yaml"), "apiVersion: devices.kubeedge.io/v1beta1\nkind: Device\n");
      await(() -> !watcher.last().applied());
      assertEquals(1, applied.size(), "the running set stays");
      assertFalse(watcher.last().errors().isEmpty());
      assertTrue(
          watcher.last().errors().get(0).startsWith(dir.getFileName() + "/a.yaml: "),
          watcher.last().errors().toString());
    }
  }

  @Test
  void unchangedFilesAreNotReapplied() throws Exception {
    Files.writeString(
        dir.resolve("a.yaml"), DeviceFiles.MODEL + DeviceFiles.device("d1", "b", 1, 100, ""));
    try (DeviceDirectoryWatcher watcher = watcher()) {
      watcher.start();
      Thread.sleep(400);
      assertEquals(1, applied.size());
    }
  }

  private static void await(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 5 s");
      }
      Thread.sleep(20);
    }
  }
}
