package io.minicloud.charagent;

import io.minicloud.charagent.model.Accelerator;
import io.minicloud.charagent.model.AttachedDevices;
import io.minicloud.charagent.model.Board;
import io.minicloud.charagent.model.Characterization;
import io.minicloud.charagent.model.Cpu;
import io.minicloud.charagent.model.Location;
import io.minicloud.charagent.model.Memory;
import io.minicloud.charagent.model.NetworkInterface;
import io.minicloud.charagent.model.Power;
import io.minicloud.charagent.model.Software;
import io.minicloud.charagent.model.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Characterizations built by hand: a full Pi 4, an all-unknown one, and a hostile one. */
public final class Samples {

  /** Strings a host can hand us: YAML/JSON syntax, control characters, non-ASCII, huge. */
  public static final List<String> HOSTILE =
      List.of(
          "Raspberry Pi 4: \"Model B\" # rev 1.4",
          "key: value\nsecond: line",
          "- item",
          "'single' and \"double\" quotes",
          "{ get_input: secret }",
          "[1, 2, 3]",
          "&anchor *alias !!python/object:os.system",
          "yes",
          "null",
          "0x50005",
          "1e3",
          "~",
          "%TAG ! tag:evil",
          "tab\there, bell\u0007, nul\u0000, esc\u001b[31m",
          "next line\u0085 line sep\u2028 para\u2029",
          "bidi \u202e override, bom \ufeff",
          "emoji \ud83d\ude80 and accents éü and 日本",
          "trailing space ",
          " leading space",
          "",
          "x".repeat(5000));

  private Samples() {}

  public static Characterization pi4() {
    return new Characterization(
        Characterization.SCHEMA_VERSION,
        "gw-17",
        Instant.parse("2026-11-23T10:15:30.123Z"),
        new Board(
            "Raspberry Pi 4 Model B Rev 1.4",
            "Sony UK",
            "10000000a1b2c3d4",
            "device-tree",
            new Board.RaspberryPi("c03114", "4B", "BCM2711", 4L << 30, "Sony UK", "1.4"),
            List.of(new Board.GpioChip("gpiochip0", "pinctrl-bcm2711", 58))),
        new Cpu(
            "aarch64",
            64,
            "ARM",
            "Cortex-A72",
            4,
            List.of(new Cpu.CpuCluster("Cortex-A72", List.of(0, 1, 2, 3), 600, 1800)),
            new Cpu.Frequency(600, 1800, 1500),
            List.of("aes", "crc32", "neon", "sha2"),
            true,
            new Cpu.Kvm(true, true),
            4096L,
            2),
        new Memory(
            3_978_227_712L,
            3_100_000_000L,
            104_853_504L,
            104_853_504L,
            List.of(new Memory.Zram("zram0", 1L << 30, "zstd"))),
        new Storage(
            List.of(
                new Storage.BlockDevice(
                    "mmcblk0", Storage.Kind.SD_CARD, 31_914_983_424L, "SC32G", false, false),
                new Storage.BlockDevice(
                    "sda", Storage.Kind.USB, 500_107_862_016L, "Portable SSD", false, true)),
            List.of(
                new Storage.Filesystem(
                    "/",
                    "/dev/mmcblk0p2",
                    "ext4",
                    31_000_000_000L,
                    8_000_000_000L,
                    21_000_000_000L),
                new Storage.Filesystem(
                    "/boot/firmware", "/dev/mmcblk0p1", "vfat", 535_805_952L, 60_000_000L, null))),
        List.of(
            new Accelerator(
                Accelerator.Kind.GPU,
                "card1",
                "v3d",
                "Broadcom",
                List.of("/dev/dri/card1", "/dev/dri/renderD128")),
            new Accelerator(
                Accelerator.Kind.TPU, "apex_0", "apex", "Google", List.of("/dev/apex_0"))),
        List.of(
            new NetworkInterface(
                "eth0",
                NetworkInterface.Kind.ETHERNET,
                "dc:a6:32:01:02:03",
                1000,
                "up",
                1500,
                List.of("192.0.2.10/24", "2001:db8::10/64")),
            new NetworkInterface(
                "wlan0",
                NetworkInterface.Kind.WIFI,
                "dc:a6:32:01:02:04",
                null,
                "down",
                1500,
                List.of())),
        new AttachedDevices(
            List.of(
                new AttachedDevices.UsbDevice(
                    "1-1.3", "2341", "0043", "Arduino (www.arduino.cc)", "Uno", "95730333")),
            List.of(
                new AttachedDevices.SerialPort(
                    "/dev/ttyACM0",
                    "/dev/serial/by-id/usb-Arduino__www.arduino.cc__0043_95730333-if00",
                    "cdc_acm"),
                new AttachedDevices.SerialPort("/dev/ttyAMA0", null, "uart-pl011")),
            List.of(new AttachedDevices.Bus(AttachedDevices.Bus.Kind.I2C, "i2c-1", "/dev/i2c-1"))),
        new Power(
            List.of(new Power.PowerSupply("rpi-poe", "USB", true, null, "unknown")),
            List.of(new Power.ThermalZone("thermal_zone0", "cpu-thermal", 47.2)),
            new Power.Throttling("0x50005", true, false, true, false, true, false, true, false)),
        new Software(
            "debian",
            "Debian GNU/Linux 12 (bookworm)",
            "12",
            "bookworm",
            "6.6.31+rpt-rpi-v8",
            List.of("containerd"),
            "agent"),
        new Location("Europe", "IT", "Torino", 45.07, 7.69),
        List.of("/sys/class/hwmon: missing or empty, fan speed unknown"));
  }

  /** What the agent says about a tree where nothing could be read. */
  public static Characterization unknown() {
    String u = Characterization.UNKNOWN;
    return new Characterization(
        Characterization.SCHEMA_VERSION,
        "node-a",
        Instant.EPOCH,
        new Board(u, u, u, "unknown", null, List.of()),
        new Cpu(
            u,
            null,
            u,
            u,
            null,
            List.of(),
            new Cpu.Frequency(null, null, null),
            List.of(),
            false,
            new Cpu.Kvm(false, false),
            null,
            null),
        new Memory(null, null, null, null, List.of()),
        new Storage(List.of(), List.of()),
        List.of(),
        List.of(),
        new AttachedDevices(List.of(), List.of(), List.of()),
        new Power(List.of(), List.of(), null),
        new Software(u, u, u, u, u, List.of(), "none"),
        new Location(null, null, null, null, null),
        List.of("/proc/cpuinfo: missing or empty, cpu unknown"));
  }

  /** {@link #unknown()} with a v3d GPU, for label updates. */
  public static Characterization unknownWithGpu() {
    Characterization u = unknown();
    return new Characterization(
        u.schemaVersion(),
        u.node(),
        u.collectedAt(),
        u.board(),
        u.cpu(),
        u.memory(),
        u.storage(),
        List.of(new Accelerator(Accelerator.Kind.GPU, "card0", "v3d", "Broadcom", List.of())),
        u.network(),
        u.devices(),
        u.power(),
        u.software(),
        u.location(),
        u.warnings());
  }

  /**
   * Hostile strings everywhere a host string goes, many accelerators and devices, and odd numbers
   * that are still within the schema (zero cores, 50 MHz, zero sizes, NaN and infinite
   * temperatures, a NaN longitude).
   */
  public static Characterization hostile() {
    Characterization base = pi4();
    List<Accelerator> accelerators = new ArrayList<>();
    List<AttachedDevices.UsbDevice> usb = new ArrayList<>();
    List<AttachedDevices.SerialPort> serial = new ArrayList<>();
    List<AttachedDevices.Bus> buses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String h = HOSTILE.get(i % HOSTILE.size());
      accelerators.add(
          new Accelerator(Accelerator.Kind.values()[i % 3], h, h, h, List.of(h, "/dev/x" + i)));
      usb.add(new AttachedDevices.UsbDevice(h, h, h, h, h, h));
      serial.add(new AttachedDevices.SerialPort(h, i % 2 == 0 ? null : h, h));
      buses.add(new AttachedDevices.Bus(AttachedDevices.Bus.Kind.values()[i % 3], h, h));
    }
    String model = HOSTILE.get(0);
    return new Characterization(
        Characterization.SCHEMA_VERSION,
        "node: \"evil\" # x",
        base.collectedAt(),
        new Board(
            model,
            HOSTILE.get(1),
            HOSTILE.get(13),
            "device-tree",
            new Board.RaspberryPi(
                HOSTILE.get(9), HOSTILE.get(7), HOSTILE.get(8), null, HOSTILE.get(4), "1e3"),
            List.of(new Board.GpioChip(HOSTILE.get(5), HOSTILE.get(6), null))),
        new Cpu(
            HOSTILE.get(2),
            32,
            HOSTILE.get(10),
            HOSTILE.get(16),
            0,
            List.of(new Cpu.CpuCluster(HOSTILE.get(3), List.of(), 0, 50)),
            new Cpu.Frequency(0, 50, null),
            HOSTILE,
            false,
            null,
            0L,
            null),
        new Memory(0L, null, 0L, null, List.of(new Memory.Zram(model, null, HOSTILE.get(11)))),
        new Storage(
            List.of(new Storage.BlockDevice(model, Storage.Kind.UNKNOWN, null, model, true, true)),
            List.of(new Storage.Filesystem(model, model, model, null, null, null))),
        accelerators,
        List.of(
            new NetworkInterface(
                model, NetworkInterface.Kind.UNKNOWN, model, 0, model, null, HOSTILE)),
        new AttachedDevices(usb, serial, buses),
        new Power(
            List.of(new Power.PowerSupply(model, model, null, 100, model)),
            List.of(
                new Power.ThermalZone(model, model, Double.NaN),
                new Power.ThermalZone("z1", "z1", Double.POSITIVE_INFINITY),
                new Power.ThermalZone("z2", "z2", -12.5)),
            new Power.Throttling(model, true, true, true, true, true, true, true, true)),
        new Software(
            HOSTILE.get(12), HOSTILE.get(14), "12/sid", model, HOSTILE.get(15), HOSTILE, "unknown"),
        new Location(model, HOSTILE.get(1), HOSTILE.get(16), -90.0, Double.NaN),
        HOSTILE);
  }
}
