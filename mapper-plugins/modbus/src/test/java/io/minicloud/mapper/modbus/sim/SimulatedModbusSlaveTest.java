package io.minicloud.mapper.modbus.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.PropertySpec;
import io.minicloud.mapper.modbus.ModbusPlugin;
import io.minicloud.mapper.modbus.config.RegisterType;
import io.minicloud.mapper.modbus.peers.DirectLinkSession;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's simulated slave, read and written by our driver over a real TCP socket. */
class SimulatedModbusSlaveTest {

  /** The demo device as a KubeEdge Device would describe it. */
  private static DeviceDriver climateDriver(int port, int unit, int maxReadGap) throws Exception {
    return new ModbusPlugin()
        .bind(
            new DeviceSpec(
                "climate",
                Map.of(
                    "host",
                    "127.0.0.1",
                    "port",
                    port,
                    "slaveID",
                    unit,
                    "timeout",
                    500,
                    "maxReadGap",
                    maxReadGap),
                List.of(
                    new PropertySpec(
                        "temperature",
                        DataType.FLOAT64,
                        false,
                        Map.of("register", "HoldingRegister", "offset", 0, "limit", 2)),
                    new PropertySpec(
                        "humidity",
                        DataType.FLOAT64,
                        false,
                        Map.of(
                            "register",
                            "InputRegister",
                            "offset",
                            0,
                            "limit",
                            1,
                            "rawType",
                            "uint16",
                            "scale",
                            0.1)),
                    new PropertySpec(
                        "setpoint",
                        DataType.FLOAT64,
                        true,
                        Map.of(
                            "register", "HoldingRegister", "offset", 10, "limit", 1, "scale", 0.1)),
                    new PropertySpec(
                        "heater",
                        DataType.BOOL,
                        true,
                        Map.of("register", "CoilRegister", "offset", 0)))));
  }

  @Test
  void theDemoDeviceIsReadAndWrittenOverTcp() throws Exception {
    // GIVEN the demo slave on a free port
    try (SimulatedModbusSlave slave = SimulatedModbusSlave.start(0)) {
      DeviceDriver driver = climateDriver(slave.port(), SimulatedClimateDevice.UNIT, 8);
      try (DirectLinkSession session = DirectLinkSession.open(driver.link())) {
        // WHEN the driver reads it
        List<PointResult> first =
            driver.read(session, List.of("temperature", "humidity", "setpoint", "heater"));
        // THEN the values are plausible room values
        double temperature = ((DoubleValue) first.get(0).raw()).value();
        double humidity = ((LongValue) first.get(1).raw()).value() / 10.0;
        assertTrue(temperature > 17 && temperature < 26, "temperature " + temperature);
        assertTrue(humidity > 35 && humidity < 55, "humidity " + humidity);
        assertEquals(new LongValue(215, DataType.INT16), first.get(2).raw());
        assertEquals(new BoolValue(false), first.get(3).raw());
        // AND writes to the setpoint and the heater relay read back
        driver.write(session, "setpoint", new LongValue(230, DataType.INT16));
        driver.write(session, "heater", new BoolValue(true));
        List<PointResult> after = driver.read(session, List.of("setpoint", "heater"));
        assertEquals(new LongValue(230, DataType.INT16), after.get(0).raw());
        assertEquals(new BoolValue(true), after.get(1).raw());
        assertEquals(230, slave.unit(1).get(RegisterType.HOLDING, SimulatedClimateDevice.SETPOINT));
      }
    }
  }

  @Test
  void anAbsentUnitAndAnAddressPastTheMapAreDeviceExceptions() throws Exception {
    // GIVEN a slave with one small unit
    try (SimulatedModbusSlave slave =
        SimulatedModbusSlave.start(0, Map.of(1, new SlaveMemory(10)))) {
      DeviceDriver absent = climateDriver(slave.port(), 7, 8);
      // a merged read of 0..10 would fail as a whole on a 10-register map: no gap bridging
      DeviceDriver present = climateDriver(slave.port(), 1, 0);
      try (DirectLinkSession session = DirectLinkSession.open(absent.link())) {
        // WHEN unit 7 and a register past unit 1's ten are read
        DeviceException gateway = absent.read(session, List.of("temperature")).get(0).error();
        slave.unit(1).set(RegisterType.HOLDING, 0, 0x41AC, 0x0000);
        List<PointResult> results = present.read(session, List.of("temperature", "setpoint"));
        // THEN each fails as a gateway and a device would answer, and the rest reads
        assertEquals(ErrorKind.DEVICE_EXCEPTION, gateway.kind());
        assertTrue(gateway.getMessage().contains("gateway target device failed to respond"));
        assertEquals(new DoubleValue(21.5, DataType.FLOAT32), results.get(0).raw());
        assertTrue(
            results.get(1).error().getMessage().contains("illegal data address"),
            results.get(1).error().getMessage());
      }
    }
  }

  @Test
  void aClientSendingGarbageIsDroppedWithoutHarmingOthers() throws Exception {
    // GIVEN a slave and a client that sends a frame with protocol id 7
    try (SimulatedModbusSlave slave =
            SimulatedModbusSlave.start(0, Map.of(1, new SlaveMemory(100)));
        Socket rogue = new Socket("127.0.0.1", slave.port())) {
      rogue.getOutputStream().write(new byte[] {0, 1, 0, 7, 0, 6, 1, 3, 0, 0, 0, 1});
      // WHEN the slave reads it / THEN it closes that connection
      assertEquals(-1, rogue.getInputStream().read());
      // AND a well-behaved client is still served
      DeviceDriver driver = climateDriver(slave.port(), 1, 8);
      try (DirectLinkSession session = DirectLinkSession.open(driver.link())) {
        assertTrue(driver.read(session, List.of("setpoint")).get(0).isOk());
      }
    } catch (IOException e) {
      throw new AssertionError("the slave must survive a rogue client", e);
    }
  }

  @Test
  void theHeaterDrivesTheTemperatureToTheSetpoint() {
    // GIVEN the climate device at ambient, setpoint 25 °C, heater on
    SimulatedClimateDevice device = SimulatedClimateDevice.manual(42);
    device.memory().set(RegisterType.HOLDING, SimulatedClimateDevice.SETPOINT, 250);
    device.memory().set(RegisterType.COIL, SimulatedClimateDevice.HEATER, 1);
    // WHEN ten simulated minutes pass
    for (int i = 0; i < 600; i++) {
      device.tick(1.0);
    }
    // THEN the room is close to 25 °C, and the registers say so
    assertEquals(25.0, device.temperature(), 0.5);
    int high = device.memory().get(RegisterType.HOLDING, SimulatedClimateDevice.TEMPERATURE);
    int low = device.memory().get(RegisterType.HOLDING, SimulatedClimateDevice.TEMPERATURE + 1);
    assertEquals(device.temperature(), Float.intBitsToFloat(high << 16 | low), 1e-4);
    int humidity = device.memory().get(RegisterType.INPUT, SimulatedClimateDevice.HUMIDITY);
    assertEquals(device.humidity(), humidity / 10.0, 0.05);
  }
}
