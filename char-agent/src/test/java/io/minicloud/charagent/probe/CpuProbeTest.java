package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.charagent.model.Cpu;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CPU probe over the captured trees in src/test/resources/trees. */
class CpuProbeTest {
  private final Warnings warnings = new Warnings();

  private Cpu probe(String board) {
    return new CpuProbe(new HostFiles(HostTree.CAPTURED.resolve(board), warnings)).probe();
  }

  @Test
  void raspberryPi4OnBookworm64() {
    Cpu cpu = probe("rpi4b-bookworm64");

    assertEquals("aarch64", cpu.architecture());
    assertEquals(64, cpu.bits());
    assertEquals("ARM", cpu.vendor());
    assertEquals("Cortex-A72", cpu.model());
    assertEquals(4, cpu.cores());
    assertEquals(
        List.of(new Cpu.CpuCluster("Cortex-A72", List.of(0, 1, 2, 3), 600, 1800)), cpu.clusters());
    assertEquals(new Cpu.Frequency(600, 1800, 600), cpu.frequency());
    // BCM2711 has no ARMv8 crypto extensions
    assertEquals(List.of("fp", "neon", "crc32"), cpu.flags());
    assertTrue(cpu.virtualization());
    assertEquals(new Cpu.Kvm(true, true), cpu.kvm());
    assertEquals(4096L, cpu.pageSizeBytes());
    assertEquals(2, cpu.gicVersion());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void raspberryPi5WithSixteenKibPagesAndTheGicFromTheDeviceTree() {
    Cpu cpu = probe("rpi5");

    assertEquals("aarch64", cpu.architecture());
    assertEquals("Cortex-A76", cpu.model());
    assertEquals(
        List.of(new Cpu.CpuCluster("Cortex-A76", List.of(0, 1, 2, 3), 1500, 2400)), cpu.clusters());
    assertEquals(new Cpu.Frequency(1500, 2400, 2400), cpu.frequency());
    assertEquals(
        List.of(
            "fp", "neon", "asimdhp", "asimddp", "aes", "pmull", "sha1", "sha2", "crc32", "atomics"),
        cpu.flags());
    assertEquals(16384L, cpu.pageSizeBytes());
    // no /proc/interrupts in this tree: soc@107c000000/interrupt-controller@7fff9000 says gic-400
    assertEquals(2, cpu.gicVersion());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void raspberryPi3BPlusOnA32BitKernel() {
    Cpu cpu = probe("rpi3bplus-armv7l");

    assertEquals("armv7l", cpu.architecture());
    assertEquals(32, cpu.bits());
    assertEquals("Cortex-A53", cpu.model());
    assertEquals(4, cpu.cores());
    assertEquals(new Cpu.Frequency(600, 1400, 600), cpu.frequency());
    assertEquals(List.of("neon", "vfpv4", "idiva", "lpae", "crc32"), cpu.flags());
    // a 32-bit ARM kernel has no KVM, and the BCM2836 interrupt controller is not a GIC
    assertFalse(cpu.virtualization());
    assertEquals(new Cpu.Kvm(false, false), cpu.kvm());
    assertNull(cpu.gicVersion());
    assertEquals(4096L, cpu.pageSizeBytes());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void jetsonOrinNanoOnAKernelWithoutKernelArch() {
    Cpu cpu = probe("jetson-orin-nano");

    // L4T's 5.10 kernel predates /proc/sys/kernel/arch: derived from "CPU architecture: 8"
    assertEquals("aarch64", cpu.architecture());
    assertEquals(64, cpu.bits());
    assertEquals("Cortex-A78AE", cpu.model());
    assertEquals(6, cpu.cores());
    assertEquals(
        List.of(new Cpu.CpuCluster("Cortex-A78AE", List.of(0, 1, 2, 3, 4, 5), 115, 1510)),
        cpu.clusters());
    assertEquals(new Cpu.Frequency(115, 1510, 730), cpu.frequency());
    assertTrue(cpu.flags().containsAll(List.of("neon", "aes", "sha2", "atomics")));
    assertFalse(cpu.virtualization());
    assertEquals(3, cpu.gicVersion());
    // no smaps captured: the 2 MiB PMD of transparent huge pages means 4 KiB pages
    assertEquals(4096L, cpu.pageSizeBytes());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void intelN100MiniPc() {
    Cpu cpu = probe("x86-minipc");

    assertEquals("x86_64", cpu.architecture());
    assertEquals(64, cpu.bits());
    assertEquals("Intel", cpu.vendor());
    assertEquals("Intel(R) N100", cpu.model());
    assertEquals(4, cpu.cores());
    assertEquals(
        List.of(new Cpu.CpuCluster("Intel(R) N100", List.of(0, 1, 2, 3), 700, 3400)),
        cpu.clusters());
    assertEquals(new Cpu.Frequency(700, 3400, 800), cpu.frequency());
    assertEquals(List.of("sse4_2", "avx", "avx2", "fma", "aes", "sha_ni", "vmx"), cpu.flags());
    assertTrue(cpu.virtualization());
    assertEquals(new Cpu.Kvm(true, true), cpu.kvm());
    assertEquals(4096L, cpu.pageSizeBytes());
    assertNull(cpu.gicVersion());
    assertEquals(List.of(), warnings.list());
  }
}
