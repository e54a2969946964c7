package io.minicloud.charagent.probe;

import io.minicloud.charagent.model.AttachedDevices.SerialPort;
import io.minicloud.charagent.model.Characterization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Serial ports: the stable {@code /dev/serial/by-id} links (udev makes them for USB adapters and
 * microcontrollers), joined with {@code /sys/class/tty/tty{USB,ACM,AMA,THS,S}N} entries that have a
 * driver (THS: the Jetson's Tegra UARTs, the 40-pin header's port). The 8250 driver registers
 * {@code ttyS0..ttyS31} on every x86 machine whether a UART is there or not; those placeholders
 * keep the generic {@code serial8250} platform driver, while a real port is claimed by a bus driver
 * ({@code serial} for ACPI/PNP ports, {@code bcm2835-aux-uart} for a Pi's mini UART, {@code
 * dw-apb-uart}...). So a ttyS port whose driver is {@code serial8250} is left out, which is what
 * the kernel itself can tell without opening it.
 */
final class SerialPortScanner {
  private static final String BY_ID = "/dev/serial/by-id";
  private static final Set<String> SERIAL_CORE = Set.of("port", "ctrl");
  private static final Pattern TTY = Pattern.compile("tty(USB|ACM|AMA|THS|S)\\d{1,4}");

  private SerialPortScanner() {}

  static List<SerialPort> scan(HostFiles files) {
    Map<String, String> byId = new TreeMap<>();
    for (String name : files.list(BY_ID)) {
      String link = BY_ID + "/" + name;
      Path path = files.resolve(link);
      // Files.exists follows the link: false for a dangling link and for a loop.
      if (!Files.isSymbolicLink(path) || !Files.exists(path)) {
        files.warnings().add(link + ": skipped, not a link to an existing device");
        continue;
      }
      files.linkName(link).ifPresent(device -> byId.putIfAbsent(device, link));
    }
    Map<String, SerialPort> ports = new TreeMap<>();
    for (String device : byId.keySet()) {
      String driver = driver(files, device);
      ports.put(
          device,
          new SerialPort(
              "/dev/" + device,
              byId.get(device),
              driver.isEmpty() ? Characterization.UNKNOWN : driver));
    }
    for (String device : files.list("/sys/class/tty")) {
      if (ports.containsKey(device) || !TTY.matcher(device).matches()) {
        continue;
      }
      String driver = driver(files, device);
      if (driver.isEmpty() || (device.startsWith("ttyS") && driver.equals("serial8250"))) {
        continue;
      }
      ports.put(device, new SerialPort("/dev/" + device, null, driver));
    }
    return new ArrayList<>(ports.values());
  }

  /**
   * The driver of the hardware behind a tty: the nearest ancestor of the tty's sysfs directory that
   * has a driver. Since Linux 6.5 the serial core puts its own {@code port} and {@code ctrl}
   * devices between a UART and its tty; they are skipped, so a ttyS placeholder still shows {@code
   * serial8250} and a real port its bus driver, on old and new kernels alike.
   */
  static String driver(HostFiles files, String tty) {
    try {
      Path root = files.root().toRealPath();
      Path dir = files.resolve("/sys/class/tty/" + tty).toRealPath();
      for (int up = 0; up < 8 && dir != null && dir.startsWith(root); up++) {
        Path driver = dir.resolve("driver");
        if (Files.isSymbolicLink(driver)) {
          Path name = Files.readSymbolicLink(driver).getFileName();
          if (name != null && !SERIAL_CORE.contains(name.toString())) {
            return name.toString();
          }
        }
        dir = dir.getParent();
      }
    } catch (IOException | SecurityException e) {
      // a tty without a sysfs directory (or a loop) has no driver to show
    }
    return "";
  }
}
