package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.minicloud.charagent.model.Board;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board probe over the captured trees in src/test/resources/trees. */
class BoardProbeTest {
  private final Warnings warnings = new Warnings();

  private Board probe(String board) {
    return new BoardProbe(new HostFiles(HostTree.CAPTURED.resolve(board), warnings)).probe();
  }

  @Test
  void raspberryPi4FromTheDeviceTreeAndItsRevisionCode() {
    Board board = probe("rpi4b-bookworm64");

    assertEquals("Raspberry Pi 4 Model B Rev 1.4", board.model());
    assertEquals("Sony UK", board.vendor());
    assertEquals("10000000a3c5e7f9", board.serial());
    assertEquals("device-tree", board.source());
    assertEquals(
        new Board.RaspberryPi(
            "c03114", "Raspberry Pi 4 Model B", "BCM2711", 4L << 30, "Sony UK", "1.4"),
        board.raspberryPi());
    assertEquals(
        List.of(
            new Board.GpioChip("gpiochip0", "pinctrl-bcm2711", 58),
            new Board.GpioChip("gpiochip1", "raspberrypi-exp-gpio", 8)),
        board.gpioChips());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void raspberryPi5WithoutTheProcDeviceTreeLink() {
    // GIVEN only /sys/firmware/devicetree/base, as in a container that does not bind /proc links
    Board board = probe("rpi5");

    assertEquals("Raspberry Pi 5 Model B Rev 1.0", board.model());
    assertEquals("2c3b4a5d6e7f8091", board.serial());
    assertEquals("Raspberry Pi 5", board.raspberryPi().model());
    assertEquals("BCM2712", board.raspberryPi().processor());
    assertEquals(8L << 30, board.raspberryPi().memoryBytes());
    // the RP1 bank is gpiochip0 on current Pi 5 kernels, the SoC's banks gpiochip10..13
    assertEquals(
        List.of("gpiochip0", "gpiochip10", "gpiochip11", "gpiochip12", "gpiochip13"),
        board.gpioChips().stream().map(Board.GpioChip::name).toList());
    assertEquals(new Board.GpioChip("gpiochip0", "pinctrl-rp1", 54), board.gpioChips().get(0));
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void raspberryPi3BPlus() {
    Board board = probe("rpi3bplus-armv7l");

    assertEquals("Raspberry Pi 3 Model B Plus Rev 1.3", board.model());
    assertEquals(
        new Board.RaspberryPi(
            "a020d3", "Raspberry Pi 3 Model B+", "BCM2837", 1L << 30, "Sony UK", "1.3"),
        board.raspberryPi());
    assertEquals("00000000b7d4e1a2", board.serial());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void jetsonIsADeviceTreeBoardWithoutARaspberryPiRevision() {
    Board board = probe("jetson-orin-nano");

    assertEquals("NVIDIA Orin Nano Developer Kit", board.model());
    assertEquals("NVIDIA", board.vendor());
    assertEquals("1424622034567", board.serial());
    assertEquals("device-tree", board.source());
    assertNull(board.raspberryPi());
    assertEquals(
        List.of(
            new Board.GpioChip("gpiochip0", "tegra234-gpio", 164),
            new Board.GpioChip("gpiochip1", "tegra234-gpio-aon", 32)),
        board.gpioChips());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void miniPcFromDmiWithoutItsPlaceholderVersionOrItsRootOnlySerial() {
    Board board = probe("x86-minipc");

    assertEquals("EQ12", board.model()); // product_version is "Default string"
    assertEquals("AZW", board.vendor());
    assertEquals("unknown", board.serial());
    assertEquals("dmi", board.source());
    assertNull(board.raspberryPi());
    assertEquals(List.of(), board.gpioChips());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void aPiSeenOnlyThroughCpuinfo(@TempDir Path root) throws IOException {
    // GIVEN a container that sees /proc/cpuinfo but neither device tree nor DMI
    Path cpuinfo = root.resolve("proc/cpuinfo");
    Files.createDirectories(cpuinfo.getParent());
    Files.copy(HostTree.CAPTURED.resolve("rpi4b-bookworm64/proc/cpuinfo"), cpuinfo);

    Board board = new BoardProbe(new HostFiles(root, warnings)).probe();

    assertEquals("Raspberry Pi 4 Model B Rev 1.4", board.model());
    assertEquals("10000000a3c5e7f9", board.serial());
    assertEquals("unknown", board.source());
    assertEquals(4L << 30, board.raspberryPi().memoryBytes());
    assertEquals(List.of("no device tree: board from /proc/cpuinfo only"), warnings.list());
  }
}
