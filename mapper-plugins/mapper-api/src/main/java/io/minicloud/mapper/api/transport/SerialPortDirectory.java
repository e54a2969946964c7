package io.minicloud.mapper.api.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.List;

/**
 * The serial ports attached right now, with the USB serial number of those that have one. The
 * system's view comes from jSerialComm (sysfs on Linux); tests of USB matching pass their own,
 * because no USB adapter is attached to a build machine.
 */
@FunctionalInterface
public interface SerialPortDirectory {

  /**
   * @param path the device path, {@code /dev/ttyUSB0}
   * @param serialNumber the USB iSerial string, or empty when the port has none (built-in UARTs)
   * @param description the adapter's product name, for error messages
   */
  record AttachedPort(String path, String serialNumber, String description) {}

  List<AttachedPort> attached();

  /** What the operating system reports, enumerated afresh on every call. */
  SerialPortDirectory SYSTEM =
      () -> {
        List<AttachedPort> ports = new ArrayList<>();
        for (SerialPort port : SerialPort.getCommPorts()) {
          String serial = port.getSerialNumber();
          ports.add(
              new AttachedPort(
                  port.getSystemPortPath(),
                  serial == null || serial.equalsIgnoreCase("Unknown") ? "" : serial,
                  port.getPortDescription()));
        }
        return ports;
      };
}
