package io.minicloud.tetherbridge.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.DataType;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceFileReaderTest {
  private final DeviceFileReader reader = new DeviceFileReader();

  static Path fixture(String name) {
    try {
      return Path.of(DeviceFileReaderTest.class.getResource("/devices/" + name + ".yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> errorsOf(Path file) {
    return assertThrows(DeviceFileException.class, () -> reader.read(file)).messages();
  }

  private void assertModbusSensor(DeviceSet set) {
    DeviceModelDoc model = set.model("temperature-sensor").orElseThrow();
    assertEquals("modbus", model.protocol());
    assertEquals("default", model.namespace());
    ModelProperty temperature = model.property("temperature").orElseThrow();
    assertEquals(DataType.FLOAT32, temperature.type());
    assertEquals(AccessMode.READ_ONLY, temperature.accessMode());
    assertEquals(new BigDecimal("-40"), temperature.minimum());
    assertEquals(new BigDecimal("125"), temperature.maximum());
    assertEquals("degree celsius", temperature.unit());
    assertEquals(DataType.INT64, model.property("setpoint").orElseThrow().type());

    DeviceDoc device = set.device("sensor-1").orElseThrow();
    assertEquals("temperature-sensor", device.modelRef());
    assertEquals("edge-1", device.nodeName());
    assertEquals("modbus", device.protocolName());
    assertEquals(
        Map.of("host", "192.168.1.20", "port", 502L, "slaveID", 1L), device.protocolConfig());
    DeviceProperty t = device.properties().get(0);
    assertEquals("temperature", t.name());
    assertEquals("modbus", t.visitorProtocol());
    assertEquals(0.1, t.visitorConfig().get("scale"));
    assertEquals(2L, t.visitorConfig().get("offset"));
    assertEquals(10_000, t.reportCycleMs());
    assertEquals(1_000, t.collectCycleMs());
    assertTrue(t.reportToCloud());
    DeviceProperty s = device.properties().get(1);
    assertEquals("21", s.desiredValue());
    assertEquals(0, s.reportCycleMs());
    assertFalse(s.reportToCloud());
  }

  @Test
  void readsModbusSensorInTheV122Layout() throws Exception {
    DeviceSet set = reader.read(fixture("modbus-v122"));
    assertModbusSensor(set);
    assertTrue(set.statuses().isEmpty());
  }

  @Test
  void readsModbusSensorInTheV123LayoutAndRecordsTheDeviceStatus() throws Exception {
    DeviceSet set = reader.read(fixture("modbus-v123"));
    assertModbusSensor(set);
    assertEquals(List.of(new DeviceStatusDoc("sensor-1", "default")), set.statuses());
  }

  @Test
  void bothLayoutsGiveTheSameDevices() throws Exception {
    assertEquals(
        reader.read(fixture("modbus-v122")).devices(),
        reader.read(fixture("modbus-v123")).devices());
  }

  @Test
  void readsAnMqttDevice() throws Exception {
    DeviceSet set = reader.read(fixture("mqtt"));
    DeviceDoc device = set.device("thermostat-7").orElseThrow();
    assertEquals("mqtt", device.protocolName());
    assertEquals(Map.of("topic", "home/thermostat-7/state"), device.protocolConfig());
    assertEquals("$.temp", device.properties().get(0).visitorConfig().get("jsonPath"));
    assertEquals(5_000, device.properties().get(0).reportCycleMs());
    assertEquals(
        DataType.FLOAT64, set.model("thermostat").orElseThrow().properties().get(0).type());
  }

  @Test
  void configMapsAreImmutable() throws Exception {
    DeviceDoc device = reader.read(fixture("mqtt")).device("thermostat-7").orElseThrow();
    assertThrows(UnsupportedOperationException.class, () -> device.protocolConfig().put("x", 1));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          invalid-api-version | devices/invalid-api-version.yaml: Device "thermostat-7": apiVersion: "devices.kubeedge.io/v1alpha2" is not supported: expected devices.kubeedge.io/v1beta1
          invalid-kind | devices/invalid-kind.yaml: document 2: kind: "Gadget" is not one of DeviceModel, Device, DeviceStatus
          invalid-missing-name | devices/invalid-missing-name.yaml: document 2: metadata.name: is missing
          invalid-dns-name | devices/invalid-dns-name.yaml: Device "Thermostat_7": metadata.name: "Thermostat_7" is not a valid DNS-1123 subdomain (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)
          invalid-unknown-model | devices/invalid-unknown-model.yaml: Device "thermostat-7": spec.deviceModelRef.name: DeviceModel "boiler" is not defined in the device files
          invalid-undeclared-property | devices/invalid-undeclared-property.yaml: Device "thermostat-7": spec.properties[1].name: property "humidity" is not declared in DeviceModel "thermostat"
          invalid-duplicate-device | devices/invalid-duplicate-device.yaml: Device "thermostat-7": metadata.name: duplicate Device name, first defined in devices/invalid-duplicate-device.yaml document 2
          invalid-type | devices/invalid-type.yaml: DeviceModel "thermostat": spec.properties[0].type: unknown data type 'STREAM': expected one of bool, int16, uint16, int32, uint32, int64, uint64, float32, float64, string, bytes (or KubeEdge's int, float, double, boolean)
          invalid-cycle | devices/invalid-cycle.yaml: Device "thermostat-7": spec.properties[0].reportCycle: must be positive (nanoseconds), got 0
          invalid-min-max | devices/invalid-min-max.yaml: DeviceModel "thermostat": spec.properties[0]: minimum 50 is greater than maximum 10
          invalid-visitor-protocol | devices/invalid-visitor-protocol.yaml: Device "thermostat-7": spec.properties[1].visitors.protocolName: "modbus" does not match the device's protocol "mqtt"
          invalid-empty | devices/invalid-empty.yaml: file is empty
          invalid-binary | devices/invalid-binary.yaml: not UTF-8 text (invalid byte sequence at byte offset 0)
          """)
  void eachInvalidKindGivesItsPreciseError(String fixture, String message) {
    assertEquals(List.of(message), errorsOf(fixture(fixture)));
  }

  @Test
  void allErrorsOfAFileAreReportedAtOnce() {
    assertEquals(
        List.of(
            "devices/invalid-multiple.yaml: DeviceModel \"thermostat\": spec.properties[0].type:"
                + " unknown data type 'STREAM': expected one of bool, int16, uint16, int32, uint32,"
                + " int64, uint64, float32, float64, string, bytes (or KubeEdge's int, float,"
                + " double, boolean)",
            "devices/invalid-multiple.yaml: DeviceModel \"thermostat\": spec.properties[1].accessMode:"
                + " \"WriteOnly\" is not ReadWrite or ReadOnly",
            "devices/invalid-multiple.yaml: Device \"thermostat-7\": spec.properties[0].collectCycle:"
                + " must be positive (nanoseconds), got -5"),
        errorsOf(fixture("invalid-multiple")));
  }

  @Test
  void truncatedYamlNamesLineAndColumn() {
    List<String> errors = errorsOf(fixture("invalid-truncated"));
    assertEquals(1, errors.size());
    assertTrue(
        errors.get(0).startsWith("devices/invalid-truncated.yaml: malformed YAML at line "),
        errors.get(0));
  }

  @Test
  void billionLaughsIsRejectedQuickly() {
    List<String> errors =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2), () -> errorsOf(fixture("invalid-billion-laughs")));
    assertEquals(
        List.of(
            "devices/invalid-billion-laughs.yaml: YAML alias *a at line 2, column 8: aliases are"
                + " not supported in device files"),
        errors);
  }

  @Test
  void fileOverOneMebibyteIsRejectedUnread(@TempDir Path dir) throws Exception {
    Path devices = Files.createDirectory(dir.resolve("devices"));
    Path big = devices.resolve("big.yaml");
    Files.write(big, ("# " + "x".repeat(1021) + "\n").repeat(2048).getBytes());
    assertEquals(2 * 1024 * 1024, Files.size(big));
    assertEquals(
        List.of("devices/big.yaml: file is 2097152 bytes, over the limit of 1048576 bytes"),
        errorsOf(big));
  }

  @Test
  void validUtf8ControlCharactersAreBinaryGarbage(@TempDir Path dir) throws Exception {
    Path devices = Files.createDirectory(dir.resolve("devices"));
    Path file = devices.resolve("nul.yaml");
    Files.write(file, new byte[] {'a', ':', ' ', 0, 1, 2});
    assertEquals(
        List.of("devices/nul.yaml: binary content (control character 0x00 at offset 3)"),
        errorsOf(file));
  }

  @Test
  void readAllResolvesModelsAcrossFiles(@TempDir Path dir) throws Exception {
    String mqtt = Files.readString(fixture("mqtt"));
    String[] docs = mqtt.split("---\n");
    Files.writeString(dir.resolve("a-models.yaml"), docs[0]);
    Files.writeString(dir.resolve("b-devices.yaml"), docs[1]);
    Files.writeString(dir.resolve("notes.txt"), "ignored");
    DeviceSet set = reader.readAll(dir);
    assertEquals(List.of("thermostat-7"), List.copyOf(set.devices().keySet()));
    DeviceFileException e =
        assertThrows(DeviceFileException.class, () -> reader.read(dir.resolve("b-devices.yaml")));
    assertTrue(e.getMessage().contains("DeviceModel \"thermostat\" is not defined"));
  }

  @Test
  void readAllReportsErrorsOfEveryFile(@TempDir Path dir) throws Exception {
    Files.copy(fixture("invalid-kind"), dir.resolve("one.yaml"));
    Files.copy(fixture("invalid-cycle"), dir.resolve("two.yaml"));
    DeviceFileException e = assertThrows(DeviceFileException.class, () -> reader.readAll(dir));
    // per file first (one.yaml: the kind; two.yaml: the cycle), then across files (the clash)
    assertEquals(3, e.errors().size(), e.getMessage());
    List<String> messages = e.messages();
    assertTrue(messages.get(0).contains("one.yaml: document 2: kind: \"Gadget\""), messages.get(0));
    assertTrue(
        messages
            .get(1)
            .contains("two.yaml: Device \"thermostat-7\": spec.properties[0].reportCycle"),
        messages.get(1));
    assertTrue(
        messages.get(2).contains("two.yaml: DeviceModel \"thermostat\": metadata.name: duplicate"),
        messages.get(2));
  }

  @Test
  void missingDirectoryIsAnEmptySet(@TempDir Path dir) throws Exception {
    assertTrue(reader.readAll(dir.resolve("absent")).devices().isEmpty());
  }
}
