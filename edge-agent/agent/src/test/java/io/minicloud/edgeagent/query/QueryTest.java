package io.minicloud.edgeagent.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minicloud.edgeagent.inventory.DeviceRecord;
import io.minicloud.edgeagent.inventory.DeviceRecord.PropertyRecord;
import io.minicloud.edgeagent.inventory.InventorySnapshot;
import io.minicloud.edgeagent.inventory.NodeRecord;
import io.minicloud.edgeagent.inventory.NodeRecord.GpuRecord;
import io.minicloud.edgeagent.inventory.Resources;
import io.minicloud.edgeagent.inventory.ServiceRecord;
import io.minicloud.rear.quantity.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Range, exact and boolean terms, ANDed, over a small inventory. */
class QueryTest {

  static Resources res(String cpu, String memory) {
    return new Resources(
        Quantity.parse(cpu),
        Quantity.parse(memory),
        Quantity.parse("32Gi"),
        Quantity.of(110),
        Quantity.ZERO);
  }

  static final NodeRecord PI =
      new NodeRecord(
          "pi",
          "arm64",
          "linux",
          res("4", "4Gi"),
          res("500m", "1Gi"),
          List.of(),
          false,
          "Raspberry Pi 4 Model B Rev 1.4",
          Map.of("minicloud.io/board", "Raspberry-Pi-4"),
          true);
  static final NodeRecord JETSON =
      new NodeRecord(
          "jetson",
          "arm64",
          "linux",
          res("6", "8Gi"),
          Resources.NONE,
          List.of(new GpuRecord("Jetson Orin", "NVIDIA", 1024, 0)),
          false,
          "",
          Map.of(),
          true);
  static final NodeRecord NUC =
      new NodeRecord(
          "nuc",
          "amd64",
          "linux",
          res("8", "16Gi"),
          res("7", "1Gi"),
          List.of(),
          true,
          "",
          Map.of(),
          true);
  static final DeviceRecord CLIMATE =
      new DeviceRecord(
          "climate",
          "pi",
          "climate-controller",
          "modbus",
          "online",
          Instant.EPOCH,
          List.of(new PropertyRecord("temperature", "FLOAT", "°C", 1000, false)));
  static final DeviceRecord PLUG =
      new DeviceRecord("plug", "pi", "plug", "mqtt", "offline", null, List.of());
  static final ServiceRecord BROKER =
      new ServiceRecord(
          "mqtt-broker",
          "broker",
          "",
          "messaging",
          List.of("mqtt"),
          "mqtt://x:1883",
          List.of("Provider"),
          null,
          true);

  static final InventorySnapshot SNAPSHOT =
      new InventorySnapshot(
          Instant.EPOCH,
          false,
          false,
          List.of(PI, JETSON, NUC),
          List.of(CLIMATE, PLUG),
          List.of(BROKER));

  private static List<String> nodes(String... where) {
    return QueryParser.parse(Attributes.NODE, List.of(where)).run(SNAPSHOT).stream()
        .map(NodeRecord::name)
        .toList();
  }

  private static List<String> devices(String... where) {
    return QueryParser.parse(Attributes.DEVICE, List.of(where)).run(SNAPSHOT).stream()
        .map(DeviceRecord::id)
        .toList();
  }

  @Test
  void resourceAttributesMeanFreeCapacityWithKubernetesQuantitySemantics() {
    // free: pi 3.5 cpu / 3Gi, jetson 6 / 8Gi, nuc 1 / 15Gi
    assertEquals(List.of("pi", "jetson", "nuc"), nodes("memory>=2Gi"));
    assertEquals(List.of("jetson", "nuc"), nodes("memory>=3221225473"));
    assertEquals(List.of("nuc"), nodes("cpu<2"));
    assertEquals(List.of("nuc"), nodes("cpu=1000m"));
    assertEquals(List.of("pi", "nuc"), nodes("cpu=1..4"));
    assertEquals(List.of("nuc"), nodes("allocatable.cpu>7"));
    assertEquals(List.of("pi"), nodes("requested.memory=1Gi", "requested.cpu=0.5"));
  }

  @Test
  void exactAndBooleanTermsCombineWithAnd() {
    assertEquals(List.of("jetson"), nodes("gpu.model=Jetson Orin"));
    assertEquals(List.of("pi", "jetson"), nodes("architecture=arm64"));
    assertEquals(List.of("nuc"), nodes("kvm=true"));
    assertEquals(List.of("pi"), nodes("architecture=arm64", "memory<4Gi", "kvm=false"));
    assertEquals(List.of("pi"), nodes("label.minicloud.io/board=Raspberry-Pi-4"));
    assertEquals(List.of(), nodes("label.absent=x"));
  }

  @Test
  void devicesMatchOnProtocolUnitAndHealth() {
    assertEquals(List.of("climate"), devices("protocol=modbus"));
    assertEquals(List.of("climate"), devices("unit=°C", "sampling<=1000"));
    assertEquals(List.of("plug"), devices("online=false"));
    assertEquals(List.of("plug"), devices("properties=0"));
  }

  @Test
  void servicesMatchOnTagsAndAvailability() {
    var found =
        QueryParser.parse(Attributes.SERVICE, List.of("tag=mqtt", "available=true")).run(SNAPSHOT);
    assertEquals(List.of(BROKER), found);
  }

  @Test
  void noTermsMatchEverything() {
    assertEquals(List.of("pi", "jetson", "nuc"), nodes());
  }
}
