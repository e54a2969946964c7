package io.minicloud.mapper.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.PointBinding;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModbusPluginTest {

  @Test
  void bindsAKubeEdgeModbusDeviceIntoATypedDriver() throws Exception {
    // GIVEN a device as KubeEdge's modbus examples spell it
    DeviceDriver driver =
        new ModbusPlugin()
            .bind(
                ModbusDevices.rtu("/dev/ttyS0", 1)
                    .with("baudRate", 9600)
                    .with("timeout", 500)
                    .property(
                        "temperature",
                        "float",
                        false,
                        "register",
                        "HoldingRegister",
                        "offset",
                        2,
                        "limit",
                        1,
                        "scale",
                        0.1,
                        "isSwap",
                        false,
                        "isRegisterSwap",
                        false)
                    .property(
                        "alarm",
                        "boolean",
                        true,
                        "register",
                        "CoilRegister",
                        "offset",
                        2,
                        "limit",
                        1,
                        "scale",
                        1,
                        "isSwap",
                        true,
                        "isRegisterSwap",
                        true)
                    .spec());
    // THEN link, policy and points are typed
    assertEquals("serial:/dev/ttyS0", driver.link().id());
    assertEquals(Duration.ofMillis(500), driver.link().policy().requestTimeout());
    assertEquals(Duration.ofMillis(4), driver.link().policy().interRequestDelay());
    PointBinding temperature = driver.point("temperature");
    assertEquals(DataType.INT16, temperature.rawType());
    assertEquals(0.1, temperature.transform().scale());
    assertEquals(DataType.BOOL, driver.point("alarm").rawType());
  }

  @Test
  void everyErrorOfProtocolAndPropertiesComesAtOnce() {
    // GIVEN a device with one bad protocol field and two bad properties
    ModbusDevices device =
        ModbusDevices.tcp("10.0.0.5", 99999, 1)
            .property("a", "float", false, "register", "Holdings", "offset", 0)
            .property("b", "float", true, "register", "InputRegister", "offset", -1);
    // WHEN it is bound
    ConfigException e =
        assertThrows(ConfigException.class, () -> new ModbusPlugin().bind(device.spec()));
    // THEN all three are reported, each with its field path
    assertEquals(
        List.of(
            "protocol.configData.port",
            "properties[a].visitors.configData.register",
            "properties[b].visitors.configData.offset"),
        e.errors().stream().map(FieldError::field).toList());
  }
}
