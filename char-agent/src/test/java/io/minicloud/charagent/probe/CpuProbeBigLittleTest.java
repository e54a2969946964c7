package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minicloud.charagent.model.Cpu;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heterogeneous SoCs (RK3588: 4 x Cortex-A55 + 4 x Cortex-A76) and partly online CPUs. */
class CpuProbeBigLittleTest {
  @TempDir Path root;

  private void write(String hostPath, String content) throws IOException {
    HostTree.write(root, hostPath, content);
  }

  private void block(StringBuilder cpuinfo, int cpu, String part) {
    cpuinfo.append(
        String.format(
            "processor\t: %d%nBogoMIPS\t: 48.00%nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2"
                + " crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp%nCPU implementer\t:"
                + " 0x41%nCPU architecture: 8%nCPU variant\t: 0x%d%nCPU part\t: %s%nCPU revision\t:"
                + " 0%n%n",
            cpu, part.equals("0xd05") ? 2 : 4, part));
  }

  @Test
  void groupsCoresByModelAndMaximumFrequency() throws IOException {
    // GIVEN an RK3588 with its A76 pairs binned differently (2256 and 2352 MHz)
    StringBuilder cpuinfo = new StringBuilder();
    for (int cpu = 0; cpu < 8; cpu++) {
      block(cpuinfo, cpu, cpu < 4 ? "0xd05" : "0xd0b");
    }
    write("/proc/cpuinfo", cpuinfo.toString());
    write("/proc/sys/kernel/arch", "aarch64\n");
    write("/sys/devices/system/cpu/online", "0-7\n");
    int[] max = {1800000, 1800000, 1800000, 1800000, 2256000, 2256000, 2352000, 2352000};
    for (int cpu = 0; cpu < 8; cpu++) {
      String dir = "/sys/devices/system/cpu/cpu" + cpu + "/cpufreq/";
      write(dir + "cpuinfo_min_freq", "408000\n");
      write(dir + "cpuinfo_max_freq", max[cpu] + "\n");
      write(dir + "scaling_cur_freq", "1008000\n");
    }
    Warnings warnings = new Warnings();

    Cpu cpu = new CpuProbe(new HostFiles(root, warnings)).probe();

    assertEquals("Cortex-A55 + Cortex-A76", cpu.model());
    assertEquals(8, cpu.cores());
    assertEquals(
        List.of(
            new Cpu.CpuCluster("Cortex-A55", List.of(0, 1, 2, 3), 408, 1800),
            new Cpu.CpuCluster("Cortex-A76", List.of(4, 5), 408, 2256),
            new Cpu.CpuCluster("Cortex-A76", List.of(6, 7), 408, 2352)),
        cpu.clusters());
    assertEquals(new Cpu.Frequency(408, 2352, 1008), cpu.frequency());
  }

  @Test
  void countsOnlyOnlineCpus() throws IOException {
    StringBuilder cpuinfo = new StringBuilder();
    for (int cpu : new int[] {0, 1, 2, 3, 6}) {
      block(cpuinfo, cpu, "0xd03");
    }
    write("/proc/cpuinfo", cpuinfo.toString());
    write("/sys/devices/system/cpu/online", "0-3,6\n");

    Cpu cpu = new CpuProbe(new HostFiles(root, new Warnings())).probe();

    assertEquals(5, cpu.cores());
    assertEquals(List.of(0, 1, 2, 3, 6), cpu.clusters().get(0).cpus());
    // no kernel/arch: "CPU architecture: 8" with 64-bit hwcaps
    assertEquals("aarch64", cpu.architecture());
  }

  @Test
  void aThirtyTwoBitReaderOnAnArm64KernelIsThirtyTwoBits() throws IOException {
    // GIVEN what a 32-bit process sees on a Pi 4 running the 64-bit kernel (Pi OS 32-bit)
    write(
        "/proc/cpuinfo",
        "processor\t: 0\nmodel name\t: ARMv8 Processor rev 3 (v8l)\nBogoMIPS\t: 108.00\n"
            + "Features\t: half thumb fastmult vfp edsp neon vfpv3 tls vfpv4 idiva idivt vfpd32"
            + " lpae evtstrm crc32\nCPU implementer\t: 0x41\nCPU architecture: 8\n"
            + "CPU variant\t: 0x0\nCPU part\t: 0xd08\nCPU revision\t: 3\n");
    write("/proc/sys/kernel/arch", "aarch64\n");

    Cpu cpu = new CpuProbe(new HostFiles(root, new Warnings())).probe();

    assertEquals("aarch64", cpu.architecture());
    assertEquals(32, cpu.bits());
    assertEquals("Cortex-A72", cpu.model());
    assertEquals(List.of("neon", "vfpv4", "idiva", "lpae", "crc32"), cpu.flags());
  }
}
