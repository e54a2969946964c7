package io.minicloud.mapper.firmata;

import static io.minicloud.mapper.firmata.Devices.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.PropertySpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FirmataDeviceConfigTest {

  private static ConfigException refused(Map<String, Object> protocol, PropertySpec... props) {
    return assertThrows(
        ConfigException.class,
        () -> FirmataDeviceConfig.bind(new DeviceSpec("b", protocol, List.of(props))));
  }

  private static void assertError(ConfigException e, String field, String reasonPart) {
    assertTrue(
        e.errors().stream()
            .anyMatch(err -> err.field().equals(field) && err.reason().contains(reasonPart)),
        () -> "expected " + field + " ~ '" + reasonPart + "' in " + e.errors());
  }

  @Test
  void theDemoBoardBindsWithDefaults() throws Exception {
    // WHEN the demo device binds with just a port
    FirmataDeviceConfig config = FirmataDeviceConfig.bind(Devices.demo("/dev/ttyACM0"));

    // THEN Firmata's defaults apply and every point knows its mode and pin
    FirmataProtocolConfig protocol = config.protocol();
    assertEquals("/dev/ttyACM0", protocol.port());
    assertEquals(57_600, protocol.baudRate());
    assertEquals(Duration.ofMillis(19), protocol.samplingInterval());
    assertEquals(Duration.ofSeconds(10), protocol.startupTimeout());
    assertEquals(Duration.ofMillis(2000), protocol.maxAge());
    assertEquals(PointMode.OUTPUT, config.points().get("led").mode());
    assertEquals(OptionalInt.of(13), config.points().get("led").pin());
    assertEquals(DataType.BOOL, config.points().get("led").binding().rawType());
    assertEquals(OptionalInt.of(0), config.points().get("a0").analogChannel());
    assertEquals(DataType.INT32, config.points().get("a0").binding().rawType());
  }

  @Test
  void everyFieldErrorIsReportedAtOnce() {
    // GIVEN a device with one mistake in every place
    ConfigException e =
        refused(
            Map.of("baudRate", "fast", "samplingInterval", 0, "colour", "red"),
            property("a", DataType.INT32, false, "mode", "ANALOG"),
            property("b", DataType.BOOL, false, "pin", 200, "mode", "INPUT"),
            property("c", DataType.BOOL, false, "pin", 3, "mode", "BLINK"),
            property("d", DataType.BOOL, true, "pin", 4, "mode", "INPUT"),
            property("e", DataType.INT32, false, "pin", 5, "mode", "OUTPUT"),
            property("f", DataType.INT64, false, "mode", "I2C", "pin", 18));

    // THEN every one is named with its field path
    assertError(e, "protocol.configData.port", "required");
    assertError(e, "protocol.configData.baudRate", "whole number");
    assertError(e, "protocol.configData.samplingInterval", "outside 1..16383");
    assertError(e, "protocol.configData.colour", "unknown setting");
    assertError(e, "properties[a].visitors.configData.pin", "either pin");
    assertError(e, "properties[b].visitors.configData.pin", "outside 0..127");
    assertError(e, "properties[c].visitors.configData.mode", "'BLINK' is not one of");
    assertError(e, "properties[d].visitors.configData.mode", "read-only");
    assertError(e, "properties[e].visitors.configData.mode", "must be boolean");
    assertError(e, "properties[f].visitors.configData.pin", "SDA/SCL");
    assertError(e, "properties[f].visitors.configData.i2cAddress", "required");
    assertEquals(11, e.errors().size(), e.errors()::toString);
  }

  @Test
  void twoPropertiesOnOnePinAreRefused() {
    ConfigException e =
        refused(
            Map.of("port", "/dev/ttyACM0"),
            property("led", DataType.BOOL, true, "pin", 13, "mode", "OUTPUT"),
            property("also", DataType.BOOL, false, "pin", 13, "mode", "INPUT"));

    assertError(e, "properties[also].visitors.configData.pin", "already used by property led");
  }

  @Test
  void transformsAndInitialValuesFitTheMode() {
    ConfigException e =
        refused(
            Map.of("port", "/dev/ttyACM0"),
            property("led", DataType.BOOL, true, "pin", 13, "mode", "OUTPUT", "scale", 2),
            property("btn", DataType.BOOL, false, "pin", 2, "mode", "INPUT", "initialValue", 1),
            property("a0", DataType.FLOAT64, false, "pin", 14, "mode", "ANALOG", "scale", "x"),
            property("pwm", DataType.INT32, true, "pin", 9, "mode", "PWM", "initialValue", -1));

    assertError(e, "properties[led].visitors.configData.scale", "transforms apply to numeric");
    assertError(e, "properties[btn].visitors.configData.initialValue", "only outputs");
    assertError(e, "properties[a0].visitors.configData.scale", "not a number");
    assertError(e, "properties[pwm].visitors.configData.initialValue", "outside");
  }

  @Test
  void anI2cRegisterBindsWithItsByteOrder() throws Exception {
    FirmataDeviceConfig config =
        FirmataDeviceConfig.bind(
            new DeviceSpec(
                "b",
                Map.of("port", "/dev/ttyACM0"),
                List.of(
                    property(
                        "t",
                        DataType.FLOAT64,
                        false,
                        "mode",
                        "I2C",
                        "i2cAddress",
                        "0x48",
                        "register",
                        0,
                        "length",
                        2,
                        "byteOrder",
                        "little",
                        "scale",
                        0.0625))));

    I2cRegister register = config.points().get("t").i2c().orElseThrow();
    assertEquals(0x48, register.address());
    assertEquals(0x0201, register.join(List.of(0x01, 0x02)), "little endian: low byte first");
    assertEquals(
        List.of(0x01, 0x02), java.util.Arrays.stream(register.split(0x0201)).boxed().toList());
  }
}
