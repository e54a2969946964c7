package io.minicloud.mapper.modbus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.transport.SerialSettings;
import io.minicloud.mapper.api.transport.SerialSettings.Parity;
import io.minicloud.mapper.modbus.codec.RtuFramer;
import io.minicloud.mapper.modbus.codec.TcpFramer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModbusProtocolConfigTest {

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static ModbusProtocolConfig bindOk(Object... keysAndValues) {
    List<FieldError> errors = new ArrayList<>();
    ModbusProtocolConfig config = ModbusProtocolConfig.bind(map(keysAndValues), errors);
    assertEquals(List.of(), errors);
    return config;
  }

  private static List<String> errors(Object... keysAndValues) {
    List<FieldError> errors = new ArrayList<>();
    ModbusProtocolConfig.bind(map(keysAndValues), errors);
    return errors.stream().map(FieldError::toString).toList();
  }

  @Test
  void aHostAloneIsModbusTcpWithDefaults() {
    // GIVEN only KubeEdge's ip / WHEN bound
    ModbusProtocolConfig config = bindOk("ip", "10.0.0.5");
    // THEN Modbus TCP on port 502, unit 1, and every default
    assertEquals(ModbusMode.TCP, config.mode());
    assertEquals("tcp:10.0.0.5:502", config.linkId());
    assertEquals(1, config.unitId());
    assertEquals(Duration.ofMillis(1000), config.timeout());
    assertEquals(Duration.ZERO, config.interRequestDelay());
    assertEquals(Duration.ofMillis(3000), config.connectTimeout());
    assertEquals(1, config.maxConnections());
    assertEquals(125, config.maxRegistersPerRead());
    assertEquals(2000, config.maxCoilsPerRead());
    assertEquals(8, config.maxReadGap());
    assertTrue(config.framer() instanceof TcpFramer);
    assertNull(config.serial());
    assertTrue(config.link().frames());
  }

  @Test
  void aSerialPortAloneIsRtuAt19200EvenParity() {
    // GIVEN KubeEdge's RTU keys / WHEN bound
    ModbusProtocolConfig config = bindOk("serialPort", "/dev/ttyUSB0", "slaveID", 17);
    // THEN RTU, 19200 8E1, and 3.5 characters (2.005 ms) of quiet time rounded up
    assertEquals(ModbusMode.RTU, config.mode());
    assertEquals("serial:/dev/ttyUSB0", config.linkId());
    assertEquals(new SerialSettings("/dev/ttyUSB0", 19200, 8, Parity.EVEN, 1), config.serial());
    assertEquals(17, config.unitId());
    assertEquals(Duration.ofMillis(3), config.interRequestDelay());
    assertTrue(config.framer() instanceof RtuFramer);
  }

  @Test
  void interRequestDelayFollowsTheLineSpeedButIsAtLeastTwoMilliseconds() {
    // 9600 8N1: 10 bits, 3.5 characters = 3.65 ms -> 4 ms
    assertEquals(
        Duration.ofMillis(4),
        bindOk("serialPort", "/dev/ttyS0", "baudRate", 9600, "parity", "none").interRequestDelay());
    // 115200 8E1: 0.33 ms -> the 2 ms floor
    assertEquals(
        Duration.ofMillis(2),
        bindOk("serialPort", "/dev/ttyS0", "baudRate", "115200").interRequestDelay());
    // set explicitly, it wins
    assertEquals(
        Duration.ofMillis(20),
        bindOk("serialPort", "/dev/ttyS0", "interRequestDelay", 20).interRequestDelay());
  }

  @Test
  void rtuOverTcpSharesAnEndpointLinkButFramesRtu() {
    // GIVEN a serial device server on 10.0.0.9:4001
    ModbusProtocolConfig config =
        bindOk("mode", "rtu-over-tcp", "host", "10.0.0.9", "port", 4001, "unitId", 3);
    // THEN its link id names mode and endpoint, and frames carry a CRC
    assertEquals("rtu-over-tcp:10.0.0.9:4001", config.linkId());
    assertTrue(config.framer() instanceof RtuFramer);
    assertEquals(Duration.ZERO, config.interRequestDelay());
  }

  @Test
  void unitZeroIsBroadcastOnRtuOnlyAndTcpTakesTheWholeByte() {
    assertTrue(bindOk("serialPort", "/dev/ttyS0", "slaveID", 0).broadcast());
    assertTrue(!bindOk("host", "h", "slaveID", 0).broadcast());
    assertEquals(255, bindOk("host", "h", "unitId", 255).unitId());
    assertEquals(
        List.of("protocol.configData.slaveID: 248 is outside 0..247"),
        errors("serialPort", "/dev/ttyS0", "slaveID", 248));
  }

  @Test
  void eachInvalidFieldHasItsPreciseMessage() {
    String p = "protocol.configData.";
    assertEquals(
        List.of(p + "host: missing: set host (or ip) for Modbus TCP, or serialPort for Modbus RTU"),
        errors());
    assertEquals(
        List.of(p + "mode: unknown mode 'udp': expected tcp, rtu or rtu-over-tcp"),
        errors("mode", "udp", "host", "h"));
    assertEquals(
        List.of(p + "port: 70000 is outside 1..65535"), errors("host", "h", "port", 70000));
    assertEquals(
        List.of(p + "port: 'http' is not an integer"), errors("host", "h", "port", "http"));
    assertEquals(
        List.of(p + "port: '502.5' is not an integer"), errors("host", "h", "port", 502.5));
    assertEquals(List.of(p + "host: must not be empty"), errors("host", " "));
    assertEquals(
        List.of(p + "ip: set either host or ip, not both"), errors("host", "a", "ip", "b"));
    assertEquals(
        List.of(p + "unitId: set either slaveID or unitId, not both"),
        errors("host", "a", "slaveID", 1, "unitId", 2));
    assertEquals(
        List.of(p + "mode: missing: both host and serialPort are set, say which to use"),
        errors("host", "a", "serialPort", "/dev/ttyS0"));
    assertEquals(List.of(p + "host: missing: mode tcp needs host (or ip)"), errors("mode", "tcp"));
    assertEquals(
        List.of(p + "serialPort: missing: mode rtu needs serialPort (e.g. /dev/ttyUSB0)"),
        errors("mode", "rtu"));
    assertEquals(
        List.of(p + "baudRate: applies to mode rtu only, not tcp"),
        errors("host", "h", "baudRate", 9600));
    assertEquals(
        List.of(p + "port: applies to modes tcp and rtu-over-tcp, not rtu"),
        errors("serialPort", "/dev/ttyS0", "port", 502));
    assertEquals(
        List.of(p + "dataBits: 7 is outside 8..8"),
        errors("serialPort", "/dev/ttyS0", "dataBits", 7));
    assertEquals(
        List.of(p + "parity: parity 'mark': expected none, even or odd (or N, E, O)"),
        errors("serialPort", "/dev/ttyS0", "parity", "mark"));
    assertEquals(
        List.of(p + "stopBits: 3 is outside 1..2"),
        errors("serialPort", "/dev/ttyS0", "stopBits", 3));
    assertEquals(
        List.of(p + "maxConnections: a serial port has exactly one connection"),
        errors("serialPort", "/dev/ttyS0", "maxConnections", 2));
    assertEquals(
        List.of(p + "maxRegistersPerRead: 126 is outside 1..125"),
        errors("host", "h", "maxRegistersPerRead", 126));
    assertEquals(List.of(p + "timeout: 0 is outside 1..60000"), errors("host", "h", "timeout", 0));
    assertEquals(
        List.of(p + "forceMultiple: 'yes' is not true or false"),
        errors("host", "h", "forceMultiple", "yes"));
  }

  @Test
  void unknownKeysAreRejectedWithTheKnownOnesListed() {
    // GIVEN a typo'd key / WHEN bound / THEN it is named, with the keys that exist
    List<String> errors = errors("host", "h", "slaveId", 3);
    assertEquals(1, errors.size());
    assertTrue(
        errors.get(0).startsWith("protocol.configData.slaveId: unknown setting; expected one of "),
        errors.get(0));
    assertTrue(errors.get(0).contains("slaveID"), errors.get(0));
  }

  @Test
  void allErrorsAreReportedAtOnce() {
    // GIVEN three bad fields / WHEN bound / THEN three errors, in one pass
    assertEquals(
        List.of(
            "protocol.configData.port: 0 is outside 1..65535",
            "protocol.configData.slaveID: 300 is outside 0..255",
            "protocol.configData.timeout: 'soon' is not an integer"),
        errors("host", "h", "port", 0, "slaveID", 300, "timeout", "soon"));
  }
}
