package io.minicloud.tetherbridge.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceCatalogTest {
  private final DeviceFileReader reader = new DeviceFileReader();
  @TempDir Path dir;

  private DeviceSet load(String yaml) throws Exception {
    Path file = dir.resolve("devices.yaml");
    Files.writeString(file, yaml);
    return reader.read(file);
  }

  private String mqtt() throws Exception {
    return Files.readString(DeviceFileReaderTest.fixture("mqtt"));
  }

  @Test
  void firstApplyAddsEverything() throws Exception {
    DeviceCatalog catalog = new DeviceCatalog();
    DeviceChanges changes = catalog.apply(load(mqtt()));
    assertEquals(Set.of("thermostat-7"), changes.added());
    assertTrue(changes.removed().isEmpty() && changes.changed().isEmpty());
  }

  @Test
  void sameSetChangesNothing() throws Exception {
    DeviceCatalog catalog = new DeviceCatalog(load(mqtt()));
    assertTrue(catalog.apply(load(mqtt())).isEmpty());
  }

  @Test
  void pollOnlyChangeDoesNotReconnect() throws Exception {
    DeviceCatalog catalog = new DeviceCatalog(load(mqtt()));
    DeviceChanges changes =
        catalog.apply(
            load(
                mqtt()
                    .replace(
                        "reportCycle: 5000000000",
                        "reportCycle: 2000000000\n      collectCycle: 1000000000")));
    assertEquals(Set.of("thermostat-7"), changes.changed());
    assertEquals(Set.of("thermostat-7"), changes.pollingOnly());
    assertTrue(changes.reconnect().isEmpty());
    assertEquals(
        2_000,
        catalog.current().device("thermostat-7").orElseThrow().properties().get(0).reportCycleMs());
  }

  @Test
  void protocolChangeReconnects() throws Exception {
    DeviceCatalog catalog = new DeviceCatalog(load(mqtt()));
    DeviceChanges changes =
        catalog.apply(load(mqtt().replace("home/thermostat-7/state", "home/t7/state")));
    assertEquals(Set.of("thermostat-7"), changes.changed());
    assertTrue(changes.pollingOnly().isEmpty());
    assertEquals(Set.of("thermostat-7"), changes.reconnect());
  }

  @Test
  void modelChangeIsNotPollOnly() throws Exception {
    DeviceCatalog catalog = new DeviceCatalog(load(mqtt()));
    DeviceChanges changes = catalog.apply(load(mqtt().replace("type: DOUBLE", "type: FLOAT")));
    assertEquals(Set.of("thermostat-7"), changes.reconnect());
  }

  @Test
  void addedAndRemovedDevices() throws Exception {
    DeviceCatalog catalog = new DeviceCatalog(load(mqtt()));
    DeviceChanges changes =
        catalog.apply(load(mqtt().replace("name: thermostat-7", "name: thermostat-8")));
    assertEquals(Set.of("thermostat-8"), changes.added());
    assertEquals(Set.of("thermostat-7"), changes.removed());
  }

  @Test
  void invalidCandidateKeepsTheRunningSet() throws Exception {
    DeviceCatalog catalog = new DeviceCatalog(load(mqtt()));
    DeviceSet running = catalog.current();
    assertThrows(DeviceFileException.class, () -> catalog.apply(load("kind: [")));
    assertSame(running, catalog.current());
  }
}
