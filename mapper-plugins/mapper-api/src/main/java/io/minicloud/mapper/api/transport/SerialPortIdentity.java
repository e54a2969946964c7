package io.minicloud.mapper.api.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which serial port a device is on, said so that it survives USB re-enumeration: {@code
 * /dev/ttyUSB0} becomes {@code /dev/ttyUSB1} after a replug, but {@code /dev/serial/by-id/...}
 * (udev's symlink named after the adapter) and the adapter's USB serial number stay the same.
 *
 * <p>Configured as a path (a by-id symlink or any device path) or as {@code usb-serial:<number>};
 * resolved to the device node again at every open, so a reconnect follows the adapter.
 */
public final class SerialPortIdentity {
  /** The prefix of a port given by its USB serial number. */
  public static final String USB_SERIAL = "usb-serial:";

  private static final int MAX_SERIAL_LENGTH = 126;
  private final String configured;
  private final String serialNumber;

  private SerialPortIdentity(String configured, String serialNumber) {
    this.configured = configured;
    this.serialNumber = serialNumber;
  }

  /**
   * @throws IllegalArgumentException naming what is wrong with the configured port
   */
  public static SerialPortIdentity parse(String configured) {
    if (configured == null || configured.isBlank()) {
      throw new IllegalArgumentException("a serial port is required");
    }
    String port = configured.strip();
    if (port.startsWith(USB_SERIAL)) {
      String serial = port.substring(USB_SERIAL.length());
      if (serial.isEmpty()
          || serial.length() > MAX_SERIAL_LENGTH
          || !serial.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException(
            "usb-serial: needs the adapter's serial number (printable, no spaces, at most "
                + MAX_SERIAL_LENGTH
                + " characters)");
      }
      return new SerialPortIdentity(port, serial);
    }
    if (!port.startsWith("/")) {
      throw new IllegalArgumentException(
          "a serial port is an absolute path (/dev/serial/by-id/...) or usb-serial:<number>, not "
              + port);
    }
    return new SerialPortIdentity(port, null);
  }

  /** As configured: the stable part of the link id. */
  public String configured() {
    return configured;
  }

  /** The device node this identity points at now. */
  public Path resolve(SerialPortDirectory directory) throws IOException {
    if (serialNumber == null) {
      try {
        return Path.of(configured).toRealPath();
      } catch (NoSuchFileException e) {
        throw new IOException("serial port " + configured + " is not present (unplugged?)", e);
      }
    }
    List<SerialPortDirectory.AttachedPort> attached = directory.attached();
    List<SerialPortDirectory.AttachedPort> matches =
        attached.stream().filter(p -> serialNumber.equals(p.serialNumber())).toList();
    if (matches.isEmpty()) {
      String seen =
          attached.stream()
              .filter(p -> !p.serialNumber().isEmpty())
              .map(p -> p.path() + " (" + p.serialNumber() + ")")
              .collect(Collectors.joining(", "));
      throw new IOException(
          "no USB serial adapter with serial number "
              + serialNumber
              + " is attached"
              + (seen.isEmpty() ? " (none with a serial number is)" : "; attached: " + seen));
    }
    if (matches.size() > 1) {
      throw new IOException(
          "serial number "
              + serialNumber
              + " names "
              + matches.size()
              + " ports ("
              + matches.stream()
                  .map(SerialPortDirectory.AttachedPort::path)
                  .collect(Collectors.joining(", "))
              + "): configure the /dev/serial/by-id/ path of the interface instead");
    }
    Path node = Path.of(matches.get(0).path());
    if (!Files.exists(node)) {
      throw new IOException("serial port " + node + " vanished while it was being opened");
    }
    return node.toRealPath();
  }

  @Override
  public String toString() {
    return configured;
  }
}
