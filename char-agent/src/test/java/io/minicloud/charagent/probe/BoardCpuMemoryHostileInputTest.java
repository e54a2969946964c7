package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.charagent.model.Board;
import io.minicloud.charagent.model.Cpu;
import io.minicloud.charagent.model.Memory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile trees: every file the board, CPU and memory probes read holds the same bad content. Each
 * case must give unknown/null with warnings, never an exception.
 */
class BoardCpuMemoryHostileInputTest {
  /** Every file the three probes read. */
  private static final List<String> READ =
      List.of(
          "/proc/cpuinfo",
          "/proc/sys/kernel/arch",
          "/proc/interrupts",
          "/proc/self/smaps",
          "/proc/meminfo",
          "/sys/devices/system/cpu/online",
          "/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_min_freq",
          "/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq",
          "/sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq",
          "/sys/kernel/mm/transparent_hugepage/hpage_pmd_size",
          "/proc/device-tree/model",
          "/proc/device-tree/compatible",
          "/proc/device-tree/serial-number",
          "/proc/device-tree/interrupt-controller@f400000/compatible",
          "/sys/class/dmi/id/sys_vendor",
          "/sys/class/dmi/id/product_name",
          "/sys/class/gpio/gpiochip512/label",
          "/sys/class/gpio/gpiochip512/ngpio",
          "/sys/block/zram0/disksize",
          "/sys/block/zram0/comp_algorithm");

  @TempDir Path root;

  enum Content {
    EMPTY,
    BINARY_GARBAGE,
    HUGE,
    NOT_NUMBERS
  }

  private static byte[] bytes(Content content) {
    return switch (content) {
      case EMPTY -> new byte[0];
      case BINARY_GARBAGE -> {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[7] = 0;
        garbage[100] = 0;
        yield garbage;
      }
      case HUGE -> "x".repeat(63).concat("\n").repeat(24_576).getBytes(StandardCharsets.UTF_8);
      case NOT_NUMBERS ->
          "processor\t: x\nMemTotal: lots kB\nKernelPageSize: 4 pages\nabc\n"
              .getBytes(StandardCharsets.UTF_8);
    };
  }

  private void write(String hostPath, byte[] content) throws IOException {
    HostTree.write(root, hostPath, content);
  }

  private void write(String hostPath, String content) throws IOException {
    HostTree.write(root, hostPath, content);
  }

  @ParameterizedTest
  @EnumSource(Content.class)
  void everyFileHostileGivesUnknownsAndWarnings(Content content) throws IOException {
    // GIVEN every file the probes read holding the same bad content
    for (String path : READ) {
      write(path, bytes(content));
    }
    Warnings warnings = new Warnings();
    HostFiles files = new HostFiles(root, warnings);

    // WHEN all three probes run
    Board board = new BoardProbe(files).probe();
    Cpu cpu = new CpuProbe(files).probe();
    Memory memory = new MemoryProbe(files).probe();

    // THEN nothing is made up, and each gap is explained
    assertEquals("unknown", board.model());
    assertNull(board.raspberryPi());
    assertEquals("unknown", cpu.architecture());
    assertNull(cpu.bits());
    assertEquals("unknown", cpu.model());
    assertNull(cpu.cores());
    assertEquals(new Cpu.Frequency(null, null, null), cpu.frequency());
    assertNull(cpu.pageSizeBytes());
    assertNull(memory.totalBytes());
    assertNull(memory.availableBytes());
    assertEquals(List.of(new Memory.Zram("zram0", null, null)), memory.zram());
    assertEquals(List.of(new Board.GpioChip("gpiochip512", null, null)), board.gpioChips());
    assertFalse(warnings.list().isEmpty());
  }

  @Test
  void anEmptyRootIsUnknownEverywhere() {
    Warnings warnings = new Warnings();
    HostFiles files = new HostFiles(root, warnings);

    Board board = new BoardProbe(files).probe();
    Cpu cpu = new CpuProbe(files).probe();
    Memory memory = new MemoryProbe(files).probe();

    assertEquals("unknown", board.source());
    assertEquals("unknown", cpu.architecture());
    assertEquals(new Cpu.Kvm(false, false), cpu.kvm());
    assertNull(memory.totalBytes());
    assertTrue(warnings.list().contains("no device tree and no /sys/class/dmi/id: board unknown"));
    assertTrue(warnings.list().contains("/proc/meminfo: missing or empty, memory unknown"));
  }

  @Test
  void cpuinfoCutMidLineKeepsTheCompleteBlocks() throws IOException {
    // GIVEN a Pi 4 cpuinfo cut in the middle of its third block, before the Revision line
    String full = Files.readString(HostTree.CAPTURED.resolve("rpi4b-bookworm64/proc/cpuinfo"));
    int cut = full.indexOf("CPU part", full.indexOf("processor\t: 2")) + "CPU par".length();
    write("/proc/cpuinfo", full.substring(0, cut));
    write("/proc/device-tree/model", "Raspberry Pi 4 Model B Rev 1.4\0");
    write("/proc/device-tree/compatible", "raspberrypi,4-model-b\0brcm,bcm2711\0");
    Warnings warnings = new Warnings();
    HostFiles files = new HostFiles(root, warnings);

    Cpu cpu = new CpuProbe(files).probe();
    Board board = new BoardProbe(files).probe();

    assertEquals(3, cpu.cores()); // no online file: the blocks that are there
    assertEquals("Cortex-A72", cpu.model()); // the cut block borrows the model of its siblings
    assertEquals("Raspberry Pi 4 Model B Rev 1.4", board.model());
    assertNull(board.raspberryPi());
    assertTrue(
        warnings.list().contains("/proc/cpuinfo: skipped 1 malformed line(s), first: 'CPU par'"),
        warnings.list().toString());
    assertTrue(
        warnings.list().contains("/proc/cpuinfo: no Revision line, Raspberry Pi model unknown"),
        warnings.list().toString());
  }

  @Test
  void aRevisionThatIsNotHexIsUnknownWithAWarning() throws IOException {
    write("/proc/cpuinfo", "processor\t: 0\nCPU part\t: 0xd08\n\nRevision\t: c0311z\n");
    write("/proc/device-tree/model", "Raspberry Pi 4 Model B Rev 1.4\0");
    Warnings warnings = new Warnings();

    Board board = new BoardProbe(new HostFiles(root, warnings)).probe();

    assertEquals("Raspberry Pi 4 Model B Rev 1.4", board.model());
    assertNull(board.raspberryPi());
    assertTrue(
        warnings
            .list()
            .contains("/proc/cpuinfo: Revision 'c0311z' is not a Raspberry Pi revision code"),
        warnings.list().toString());
  }

  @Test
  void aHugeCpuinfoIsReadUpToTheCap() throws IOException {
    // GIVEN 3 MiB of valid blocks (a hostile or broken /proc)
    StringBuilder cpuinfo = new StringBuilder();
    for (int cpu = 0; cpuinfo.length() < 3 << 20; cpu++) {
      cpuinfo.append("processor\t: ").append(cpu % 10_000).append('\n');
      cpuinfo.append("CPU implementer\t: 0x41\nCPU architecture: 8\nCPU part\t: 0xd03\n\n");
    }
    write("/proc/cpuinfo", cpuinfo.toString());
    write("/sys/devices/system/cpu/online", "0-3\n");
    Warnings warnings = new Warnings();

    Cpu cpu = new CpuProbe(new HostFiles(root, warnings)).probe();

    assertEquals(4, cpu.cores());
    assertEquals("Cortex-A53", cpu.model());
    assertTrue(
        warnings.list().stream().anyMatch(w -> w.contains("larger than")),
        warnings.list().toString());
  }

  @Test
  void numbersThatAreNotNumbersAreUnknown() throws IOException {
    write(
        "/proc/meminfo",
        "MemTotal:       lots kB\nMemAvailable:   -5 kB\nSwapTotal: 99999999999999999999 kB\n");
    write("/sys/devices/system/cpu/online", "0-99999999\n");
    write("/proc/cpuinfo", "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: lm vmx\n");
    write("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq", "fast\n");
    write("/sys/block/zram0/disksize", "-1\n");
    write("/sys/block/zram0/comp_algorithm", "lzo lz4\n");
    Warnings warnings = new Warnings();
    HostFiles files = new HostFiles(root, warnings);

    Memory memory = new MemoryProbe(files).probe();
    Cpu cpu = new CpuProbe(files).probe();

    assertNull(memory.totalBytes());
    assertNull(memory.availableBytes());
    assertNull(memory.swapTotalBytes());
    assertEquals(List.of(new Memory.Zram("zram0", null, null)), memory.zram());
    assertEquals(1, cpu.cores()); // the online list was absurd: the cpuinfo blocks count
    assertNull(cpu.frequency().maxMhz());
    assertTrue(
        warnings.list().contains("/sys/devices/system/cpu/online: not a CPU list: '0-99999999'"),
        warnings.list().toString());
    assertTrue(
        warnings.list().stream().anyMatch(w -> w.startsWith("/proc/meminfo: skipped 3 malformed")),
        warnings.list().toString());
    assertTrue(
        warnings
            .list()
            .contains("/sys/block/zram0/comp_algorithm: no active algorithm in 'lzo lz4'"),
        warnings.list().toString());
  }
}
