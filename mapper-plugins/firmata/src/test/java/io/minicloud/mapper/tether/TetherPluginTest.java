package io.minicloud.mapper.tether;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.PropertySpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding a device file's tether-v1 config: defaults, and every field error at once. */
class TetherPluginTest {
  private final TetherPlugin plugin = new TetherPlugin();

  @Test
  void aValidBoardBindsWithDefaults() throws Exception {
    TetherDriver driver =
        (TetherDriver)
            plugin.bind(
                new DeviceSpec(
                    "board",
                    Map.of("port", "/dev/ttyACM0"),
                    List.of(
                        new PropertySpec(
                            "led",
                            DataType.BOOL,
                            true,
                            Map.of("pin", 13, "mode", "digital-out", "safeValue", 0)),
                        new PropertySpec(
                            "voltage",
                            DataType.FLOAT64,
                            false,
                            Map.of("pin", "A0", "mode", "analog-in", "scale", 0.0048876)))));

    assertEquals("serial:/dev/ttyACM0", driver.link().id());
    assertFalse(driver.link().frames(), "a message link: the connection frames itself");
    assertEquals(115200, driver.config().baudRate());
    assertEquals(Duration.ofSeconds(1), driver.config().failSafeTimeout());
    assertEquals(3, driver.config().retry().retries());
    assertEquals(DataType.BOOL, driver.point("led").rawType());
    assertEquals(DataType.UINT16, driver.point("voltage").rawType());
    assertFalse(driver.point("voltage").transform().isIdentity());
  }

  @Test
  void everyFieldErrorIsReportedAtOnce() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                plugin.bind(
                    new DeviceSpec(
                        "board",
                        Map.of("baudRate", "fast", "failSafeTimeout", 5, "colour", "red"),
                        List.of(
                            new PropertySpec(
                                "led",
                                DataType.BOOL,
                                true,
                                Map.of("pin", 13, "mode", "digital-out")),
                            new PropertySpec(
                                "button",
                                DataType.BOOL,
                                true,
                                Map.of("pin", "D2", "mode", "digital-in", "safeValue", 1)),
                            new PropertySpec(
                                "rx", DataType.BOOL, false, Map.of("pin", 1, "mode", "digital-in")),
                            new PropertySpec(
                                "temp",
                                DataType.FLOAT64,
                                false,
                                Map.of("pin", 7, "mode", "analog-in")),
                            new PropertySpec(
                                "lamp",
                                DataType.BOOL,
                                false,
                                Map.of("pin", 12, "mode", "digital-out", "safeValue", "high")),
                            new PropertySpec(
                                "lamp2",
                                DataType.BOOL,
                                false,
                                Map.of("pin", "D12", "mode", "digital-in"))))));

    List<String> fields = e.errors().stream().map(ConfigException.FieldError::field).toList();
    assertTrue(fields.contains("protocol.configData.port"), fields::toString);
    assertTrue(fields.contains("protocol.configData.baudRate"), fields::toString);
    assertTrue(fields.contains("protocol.configData.failSafeTimeout"), fields::toString);
    assertTrue(fields.contains("protocol.configData.colour"), fields::toString);
    assertTrue(fields.contains("properties[led].visitors.configData.safeValue"), fields::toString);
    assertTrue(fields.contains("properties[button].visitors.configData.safeValue"));
    assertTrue(fields.contains("properties[button].visitors.configData.mode"), "writable input");
    assertTrue(fields.contains("properties[rx].visitors.configData.pin"), "the UART's pin");
    assertTrue(fields.contains("properties[temp].visitors.configData.pin"), "analog on D7");
    assertTrue(fields.contains("properties[lamp2].visitors.configData.pin"), "pin 12 twice");
    assertTrue(
        e.getMessage().contains("an output needs the level the MCU falls back to"), e.getMessage());
  }
}
