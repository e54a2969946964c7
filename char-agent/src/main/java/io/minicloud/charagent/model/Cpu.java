package io.minicloud.charagent.model;

import java.util.List;

/**
 * The processor, as the VIM needs it for placement.
 *
 * @param architecture the kernel's machine name: aarch64, armv7l, x86_64 ...
 * @param bits 32 or 64: the userland's word size as the kernel runs it
 * @param model the core model ("Cortex-A72", or the x86 model name)
 * @param cores online logical CPUs
 * @param clusters cores grouped by model and maximum frequency (big.LITTLE shows two)
 * @param flags the flags that matter for placement (neon, aes, sha2, crc32, atomics, sve, avx2,
 *     avx512f, vmx, svm ...), normalised to lower case
 * @param virtualization whether the CPU has hardware virtualization (vmx/svm, or EL2 on ARM as far
 *     as the kernel shows it)
 * @param kvm whether /dev/kvm exists and is usable by this process
 * @param pageSizeBytes the kernel page size (4 KiB, 16 KiB on a Pi 5 kernel, 64 KiB ...)
 * @param gicVersion the ARM generic interrupt controller version (2, 3, 4), null elsewhere
 */
public record Cpu(
    String architecture,
    Integer bits,
    String vendor,
    String model,
    Integer cores,
    List<CpuCluster> clusters,
    Frequency frequency,
    List<String> flags,
    boolean virtualization,
    Kvm kvm,
    Long pageSizeBytes,
    Integer gicVersion) {

  /** Cores of one kind. */
  public record CpuCluster(String model, List<Integer> cpus, Integer minMhz, Integer maxMhz) {}

  /** Frequencies in MHz over all cores: the lowest minimum, highest maximum, current of cpu0. */
  public record Frequency(Integer minMhz, Integer maxMhz, Integer currentMhz) {}

  /** KVM: the device node, and whether this process can open it. */
  public record Kvm(boolean present, boolean usable) {}
}
