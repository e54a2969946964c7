package io.minicloud.charagent.probe;

import io.minicloud.charagent.model.AttachedDevices;
import io.minicloud.charagent.model.AttachedDevices.Bus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * USB devices ({@link UsbSysfs}), serial ports ({@link SerialPortScanner}) and I2C, SPI and 1-Wire
 * buses. Device nodes are only checked for existence, never opened: a captured tree holds them as
 * empty files, and opening a tty can reset the microcontroller behind it.
 *
 * <p>A bus is listed when either sysfs or /dev shows it ({@code i2c-dev} and {@code spidev} create
 * the /dev nodes; without them the bus exists but has no device, which is null). 1-Wire masters
 * have no /dev node: their device is their sysfs directory.
 */
public final class AttachedDeviceProbe {
  private static final Pattern I2C = Pattern.compile("i2c-(\\d{1,6})");
  private static final Pattern SPI = Pattern.compile("spidev\\d{1,6}\\.\\d{1,6}");
  private static final String W1 = "/sys/bus/w1/devices";

  private final HostFiles files;

  public AttachedDeviceProbe(HostFiles files) {
    this.files = files;
  }

  public AttachedDevices probe() {
    List<Bus> buses = new ArrayList<>();
    buses.addAll(i2c());
    buses.addAll(spi());
    buses.addAll(oneWire());
    return new AttachedDevices(UsbSysfs.devices(files), SerialPortScanner.scan(files), buses);
  }

  private List<Bus> i2c() {
    TreeSet<String> names = new TreeSet<>(Comparator.comparingInt(AttachedDeviceProbe::i2cNumber));
    files.list("/sys/class/i2c-adapter").stream()
        .filter(n -> I2C.matcher(n).matches())
        .forEach(names::add);
    files.list("/dev").stream().filter(n -> I2C.matcher(n).matches()).forEach(names::add);
    List<Bus> buses = new ArrayList<>();
    for (String name : names) {
      String label =
          files
              .text("/sys/class/i2c-adapter/" + name + "/name")
              .or(() -> files.text("/sys/class/i2c-dev/" + name + "/name"))
              .map(HostFiles::abbreviate)
              .orElse(name);
      buses.add(new Bus(Bus.Kind.I2C, label, devNode(name)));
    }
    return buses;
  }

  private List<Bus> spi() {
    TreeSet<String> names = new TreeSet<>();
    files.list("/sys/class/spidev").stream()
        .filter(n -> SPI.matcher(n).matches())
        .forEach(names::add);
    files.list("/dev").stream().filter(n -> SPI.matcher(n).matches()).forEach(names::add);
    return names.stream().map(n -> new Bus(Bus.Kind.SPI, n, devNode(n))).toList();
  }

  private List<Bus> oneWire() {
    return files.list(W1).stream()
        .filter(n -> n.startsWith("w1_bus_master"))
        .map(n -> new Bus(Bus.Kind.ONE_WIRE, n, W1 + "/" + n))
        .toList();
  }

  private String devNode(String name) {
    String node = "/dev/" + name;
    return files.exists(node) ? node : null;
  }

  private static int i2cNumber(String name) {
    return Integer.parseInt(name.substring(4));
  }
}
