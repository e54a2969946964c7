package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.charagent.model.AttachedDevices;
import io.minicloud.charagent.model.AttachedDevices.Bus;
import io.minicloud.charagent.model.AttachedDevices.SerialPort;
import io.minicloud.charagent.model.AttachedDevices.UsbDevice;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachedDeviceProbeTest {
  @TempDir Path root;
  private final Warnings warnings = new Warnings();

  private AttachedDevices probe(Path tree) {
    return new AttachedDeviceProbe(new HostFiles(tree, warnings)).probe();
  }

  private AttachedDevices probe(String tree) {
    return probe(HostTree.CAPTURED.resolve(tree));
  }

  private static UsbDevice usb(AttachedDevices devices, String busPath) {
    return devices.usb().stream()
        .filter(u -> u.busPath().equals(busPath))
        .findFirst()
        .orElseThrow();
  }

  private void write(String hostPath, String text) throws IOException {
    HostTree.write(root, hostPath, text);
  }

  private void link(String hostPath, String target) throws IOException {
    HostTree.link(root, hostPath, target);
  }

  @Test
  void raspberryPi4WithFtdiAdapterI2cAndSpi() {
    AttachedDevices devices = probe("rpi4b-bookworm64");

    assertEquals(
        List.of("1-1", "1-1.3", "2-2", "usb1", "usb2"),
        devices.usb().stream().map(UsbDevice::busPath).toList());
    assertEquals(
        new UsbDevice("1-1.3", "0403", "6001", "FTDI", "FT232R USB UART", "A10K1ABC"),
        usb(devices, "1-1.3"));
    assertEquals(
        new UsbDevice("1-1", "2109", "3431", null, "USB2.0 Hub", null), usb(devices, "1-1"));
    assertEquals(
        List.of(
            new SerialPort("/dev/ttyS0", null, "bcm2835-aux-uart"),
            new SerialPort(
                "/dev/ttyUSB0",
                "/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A10K1ABC-if00-port0",
                "ftdi_sio")),
        devices.serialPorts());
    assertEquals(
        List.of(
            new Bus(Bus.Kind.I2C, "bcm2835 (i2c@7e804000)", "/dev/i2c-1"),
            new Bus(Bus.Kind.I2C, "fef04500.i2c", "/dev/i2c-20"),
            new Bus(Bus.Kind.I2C, "fef09500.i2c", "/dev/i2c-21"),
            new Bus(Bus.Kind.SPI, "spidev0.0", "/dev/spidev0.0"),
            new Bus(Bus.Kind.SPI, "spidev0.1", "/dev/spidev0.1")),
        devices.buses());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void raspberryPi3WithArduinoAndOneWire() {
    AttachedDevices devices = probe("rpi3bplus-armv7l");

    assertEquals(
        new UsbDevice(
            "1-1.3", "2341", "0043", "Arduino (www.arduino.cc)", null, "75833353035351E0D1A1"),
        usb(devices, "1-1.3"));
    assertEquals("0424", usb(devices, "1-1.1.1").vendorId());
    assertEquals(
        new SerialPort(
            "/dev/ttyACM0",
            "/dev/serial/by-id/usb-Arduino__www.arduino.cc__0043_75833353035351E0D1A1-if00",
            "cdc_acm"),
        devices.serialPorts().get(0));
    assertEquals(
        List.of(new Bus(Bus.Kind.ONE_WIRE, "w1_bus_master1", "/sys/bus/w1/devices/w1_bus_master1")),
        devices.buses());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void raspberryPi5DebugUart() {
    AttachedDevices devices = probe("rpi5");

    assertEquals(
        List.of(new SerialPort("/dev/ttyAMA10", null, "uart-pl011")), devices.serialPorts());
    assertEquals(
        List.of(new Bus(Bus.Kind.I2C, "Synopsys DesignWare I2C adapter", "/dev/i2c-1")),
        devices.buses());
  }

  @Test
  void jetsonHeaderUartAndI2c() {
    AttachedDevices devices = probe("jetson-orin-nano");

    assertEquals(
        List.of(new SerialPort("/dev/ttyTHS1", null, "serial-tegra")), devices.serialPorts());
    assertEquals(
        List.of("c240000.i2c", "c250000.i2c"), devices.buses().stream().map(Bus::name).toList());
    assertEquals(3, devices.usb().size());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void miniPcKeepsTheRealUartOnlyAndAnI2cBusWithoutNode() {
    AttachedDevices devices = probe("x86-minipc");

    assertEquals(List.of(new SerialPort("/dev/ttyS0", null, "serial")), devices.serialPorts());
    assertEquals(
        List.of(new Bus(Bus.Kind.I2C, "SMBus I801 adapter at efa0", null)), devices.buses());
    assertEquals(
        new UsbDevice("1-3", "2c7c", "0125", "Quectel", "EG25-G", null), usb(devices, "1-3"));
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void serialCorePortDevicesOfNewKernelsAreLookedPast() throws IOException {
    // GIVEN Linux >= 6.5: the 8250 placeholders and a PNP UART, each behind serial-base devices
    String legacy = "/sys/devices/platform/serial8250";
    link(legacy + "/driver", "../../../bus/platform/drivers/serial8250");
    String pnp = "/sys/devices/pnp0/00:00";
    link(pnp + "/driver", "../../../bus/pnp/drivers/serial");
    for (String[] port :
        List.of(
            new String[] {legacy, "serial8250", "ttyS1"}, new String[] {pnp, "00:00", "ttyS0"})) {
      String ctrl = port[0] + "/" + port[1] + ":0";
      String dev = ctrl + "/" + port[1] + ":0.0";
      link(ctrl + "/driver", "../../../../bus/serial-base/drivers/ctrl");
      link(dev + "/driver", "../../../../../bus/serial-base/drivers/port");
      write(dev + "/tty/" + port[2] + "/dev", "4:64\n");
      link("/sys/class/tty/" + port[2], "../../.." + dev + "/tty/" + port[2]);
    }
    // WHEN
    List<SerialPort> ports = probe(root).serialPorts();
    // THEN
    assertEquals(List.of(new SerialPort("/dev/ttyS0", null, "serial")), ports);
  }

  @Test
  void busesFromDevNodesAlone() throws IOException {
    write("/dev/i2c-3", "");
    write("/dev/i2c-10", "");
    write("/dev/i2c-x", "");
    write("/dev/spidev1.0", "");

    assertEquals(
        List.of(
            new Bus(Bus.Kind.I2C, "i2c-3", "/dev/i2c-3"),
            new Bus(Bus.Kind.I2C, "i2c-10", "/dev/i2c-10"),
            new Bus(Bus.Kind.SPI, "spidev1.0", "/dev/spidev1.0")),
        probe(root).buses());
  }

  @Test
  void hostileByIdLinksAreSkippedWithWarnings() throws IOException {
    // GIVEN a symlink loop, a dangling link, a regular file, and one good link
    link("/dev/serial/by-id/a", "b");
    link("/dev/serial/by-id/b", "a");
    link("/dev/serial/by-id/usb-gone-if00", "../../ttyUSB9");
    write("/dev/serial/by-id/not-a-link", "\0\0");
    write("/dev/ttyACM0", "");
    link("/dev/serial/by-id/usb-good-if00", "../../ttyACM0");
    // WHEN
    List<SerialPort> ports = probe(root).serialPorts();
    // THEN
    assertEquals(
        List.of(new SerialPort("/dev/ttyACM0", "/dev/serial/by-id/usb-good-if00", "unknown")),
        ports);
    assertEquals(4, warnings.list().size(), warnings.list().toString());
  }

  @Test
  void hostileUsbEntriesAreSkippedOrCleaned() throws IOException {
    // GIVEN garbage ids, an empty id, a truncated product id and a manufacturer over 1 MiB
    write("/sys/bus/usb/devices/1-1/idVendor", "\0\u00ff\0garbage");
    write("/sys/bus/usb/devices/1-1/idProduct", "6001");
    write("/sys/bus/usb/devices/1-2/idVendor", "");
    write("/sys/bus/usb/devices/1-3/idVendor", "0403");
    write("/sys/bus/usb/devices/1-3/idProduct", "60");
    write("/sys/bus/usb/devices/1-4/idVendor", "0403");
    write("/sys/bus/usb/devices/1-4/idProduct", "6001");
    write("/sys/bus/usb/devices/1-4/manufacturer", "M".repeat(HostFiles.MAX_BYTES + 1));
    write("/sys/bus/usb/devices/1-4/product", "bad\u0001name");
    write("/sys/bus/usb/devices/1-4:1.0/idVendor", "0403");
    // WHEN
    List<UsbDevice> usb = probe(root).usb();
    // THEN
    assertEquals(1, usb.size());
    assertTrue(usb.get(0).manufacturer().length() < 200);
    assertEquals("bad?name", usb.get(0).product());
    // 1-1 and 1-3 skipped, 1-4's manufacturer truncated
    assertEquals(3, warnings.list().size(), warnings.list().toString());
  }

  @Test
  void nothingAttached() {
    assertEquals(new AttachedDevices(List.of(), List.of(), List.of()), probe(root));
    assertEquals(List.of(), warnings.list());
  }
}
