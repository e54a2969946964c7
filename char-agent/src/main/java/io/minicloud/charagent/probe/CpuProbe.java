package io.minicloud.charagent.probe;

import io.minicloud.charagent.model.Characterization;
import io.minicloud.charagent.model.Cpu;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The processor, from /proc/cpuinfo and /sys/devices/system/cpu, as the VIM needs it to place VMs
 * and unikernels.
 *
 * <ul>
 *   <li>Architecture: {@code /proc/sys/kernel/arch} (the kernel's {@code uname -m}, Linux 6.1 and
 *       later); on older kernels (Jetson L4T 5.10/5.15) it is derived from cpuinfo: x86 {@code lm}
 *       flag → x86_64; ARM {@code CPU architecture: 8} or a {@code (v8l)} model name → aarch64,
 *       {@code (v7l)}/{@code (v6l)} → armv7l/armv6l.
 *   <li>Bits: the word size of the reader as the kernel runs it. An arm64 kernel shows a 32-bit
 *       process 32-bit hwcaps ({@code half thumb vfp ...}) in cpuinfo, which is how a 32-bit
 *       userland on a 64-bit Pi kernel is told apart.
 *   <li>Virtualization: x86 {@code vmx}/{@code svm}. ARM cpuinfo does not show EL2, but arm64 KVM
 *       only registers {@code /dev/kvm} when the kernel booted at EL2, so on ARM it is {@code
 *       /dev/kvm} present; a kernel without KVM therefore reads as "no virtualization".
 *   <li>KVM: {@code /dev/kvm} exists below the root; usable when this process may read and write
 *       it. Captured trees hold an empty regular file in its place (git stores no device nodes).
 * </ul>
 */
public final class CpuProbe {
  static final String CPUINFO = "/proc/cpuinfo";
  static final String ARCH = "/proc/sys/kernel/arch";
  static final String ONLINE = "/sys/devices/system/cpu/online";
  static final String KVM = "/dev/kvm";

  private final HostFiles files;

  public CpuProbe(HostFiles files) {
    this.files = files;
  }

  public Cpu probe() {
    CpuInfo info = CpuInfo.parse(files.lines(CPUINFO));
    if (info.processors().isEmpty()) {
      files.warnings().add(CPUINFO + ": missing, empty or without processor blocks");
    }
    if (info.malformed() > 0) {
      files
          .warnings()
          .add(
              CPUINFO
                  + ": skipped "
                  + info.malformed()
                  + " malformed line(s), first: '"
                  + info.firstMalformed()
                  + "'");
    }
    String architecture = architecture(info);
    boolean x86 = architecture.startsWith("x86") || architecture.matches("i\\d86");
    boolean arm = architecture.startsWith("arm") || architecture.equals("aarch64");
    List<Integer> cpus = onlineCpus(info);
    Map<Integer, String> models = new LinkedHashMap<>();
    Set<String> modelProblems = new LinkedHashSet<>(); // once, not once per core
    info.processors().forEach(p -> models.put(p.index(), model(p, modelProblems)));
    modelProblems.forEach(files.warnings()::add);
    List<Cpu.CpuCluster> clusters = clusters(cpus, models);
    List<String> flags =
        x86
            ? CpuFlags.x86(info.first("flags").orElse(""))
            : CpuFlags.arm(info.first("Features").orElse(""));
    boolean kvmPresent = files.exists(KVM);
    return new Cpu(
        architecture,
        bits(architecture, info),
        vendor(info),
        overallModel(clusters, models),
        cpus.isEmpty() ? null : cpus.size(),
        clusters,
        frequency(clusters, cpus, info),
        flags,
        x86 ? flags.contains("vmx") || flags.contains("svm") : arm && kvmPresent,
        new Cpu.Kvm(kvmPresent, kvmPresent && usable(files.resolve(KVM))),
        new CpuPageSize(files).probe(),
        arm ? new CpuGicVersion(files).probe() : null);
  }

  private String architecture(CpuInfo info) {
    Optional<String> kernel = files.text(ARCH);
    if (kernel.isPresent() && kernel.get().matches("[A-Za-z0-9_]{1,32}")) {
      return kernel.get();
    }
    kernel.ifPresent(
        text ->
            files
                .warnings()
                .add(ARCH + ": not a machine name: '" + HostFiles.abbreviate(text) + "'"));
    Optional<String> x86Flags = info.first("flags");
    if (x86Flags.isPresent()) {
      return CpuFlags.tokens(x86Flags.get()).contains("lm") ? "x86_64" : "i686";
    }
    String modelName = info.first("model name").orElse("");
    String cpuArchitecture = info.first("CPU architecture").orElse("");
    if (cpuArchitecture.equals("8") || modelName.endsWith("(v8l)")) {
      return "aarch64"; // a 32-bit ARM kernel reports 7 even on an ARMv8 core
    }
    if (modelName.endsWith("(v7l)") || (modelName.isEmpty() && cpuArchitecture.equals("7"))) {
      return "armv7l";
    }
    if (modelName.endsWith("(v6l)")) {
      return "armv6l";
    }
    files.warnings().add(ARCH + " and " + CPUINFO + " do not show the architecture: unknown");
    return Characterization.UNKNOWN;
  }

  private static Integer bits(String architecture, CpuInfo info) {
    if (architecture.equals("aarch64")) {
      boolean compat = CpuFlags.isArm32(CpuFlags.tokens(info.first("Features").orElse("")));
      return compat ? 32 : 64;
    }
    if (architecture.endsWith("64") || architecture.equals("s390x")) {
      return 64;
    }
    if (architecture.startsWith("arm") || architecture.matches("i\\d86")) {
      return 32;
    }
    return null;
  }

  private String vendor(CpuInfo info) {
    Optional<String> x86 = info.first("vendor_id");
    if (x86.isPresent()) {
      return switch (x86.get()) {
        case "GenuineIntel" -> "Intel";
        case "AuthenticAMD" -> "AMD";
        default -> x86.get();
      };
    }
    Optional<Integer> implementer = info.first("CPU implementer").flatMap(ArmCpuParts::hex);
    if (implementer.isPresent()) {
      Optional<String> name = ArmCpuParts.implementer(implementer.get());
      if (name.isEmpty()) {
        files
            .warnings()
            .add(
                CPUINFO
                    + ": CPU implementer 0x"
                    + Integer.toHexString(implementer.get())
                    + " unknown");
      }
      return name.orElse(Characterization.UNKNOWN);
    }
    return Characterization.UNKNOWN;
  }

  /** The core model of one processor block: the ARM part name, else the model name. */
  private static String model(CpuInfo.Processor processor, Set<String> problems) {
    Optional<Integer> implementer = processor.get("CPU implementer").flatMap(ArmCpuParts::hex);
    Optional<Integer> part = processor.get("CPU part").flatMap(ArmCpuParts::hex);
    if (implementer.isPresent() && part.isPresent()) {
      Optional<String> name = ArmCpuParts.part(implementer.get(), part.get());
      if (name.isPresent()) {
        return name.get();
      }
      problems.add(
          String.format(
              "%s: CPU part 0x%03x of implementer 0x%02x not known",
              CPUINFO, part.get(), implementer.get()));
      return Characterization.UNKNOWN;
    }
    Optional<String> name = processor.get("model name");
    if (name.isPresent() && printable(name.get()).equals(Characterization.UNKNOWN)) {
      problems.add(
          CPUINFO + ": model name is not text: '" + HostFiles.abbreviate(name.get()) + "'");
    }
    return name.map(CpuProbe::printable).orElse(Characterization.UNKNOWN);
  }

  private List<Integer> onlineCpus(CpuInfo info) {
    Optional<String> online = files.text(ONLINE);
    if (online.isPresent()) {
      Optional<List<Integer>> cpus = CpuList.parse(online.get());
      if (cpus.isPresent()) {
        return cpus.get();
      }
      files
          .warnings()
          .add(ONLINE + ": not a CPU list: '" + HostFiles.abbreviate(online.get()) + "'");
    }
    return info.processors().stream().map(CpuInfo.Processor::index).distinct().sorted().toList();
  }

  /** CPUs grouped by (core model, maximum frequency): a big.LITTLE SoC gives two clusters. */
  private List<Cpu.CpuCluster> clusters(List<Integer> cpus, Map<Integer, String> models) {
    String fallback = models.values().stream().findFirst().orElse(Characterization.UNKNOWN);
    Map<ClusterKey, List<Integer>> members = new LinkedHashMap<>();
    Map<ClusterKey, Integer> minimum = new LinkedHashMap<>();
    for (int cpu : cpus) {
      ClusterKey key =
          new ClusterKey(models.getOrDefault(cpu, fallback), mhz(cpufreq(cpu, "cpuinfo_max_freq")));
      members.computeIfAbsent(key, k -> new ArrayList<>()).add(cpu);
      Integer min = mhz(cpufreq(cpu, "cpuinfo_min_freq"));
      if (min != null) {
        minimum.merge(key, min, Math::min);
      }
    }
    if (!cpus.isEmpty() && members.keySet().stream().allMatch(k -> k.maxMhz() == null)) {
      files
          .warnings()
          .add("/sys/devices/system/cpu/cpu*/cpufreq: not available, frequencies unknown");
    }
    List<Cpu.CpuCluster> clusters = new ArrayList<>();
    members.forEach(
        (key, list) ->
            clusters.add(
                new Cpu.CpuCluster(
                    key.model(), List.copyOf(list), minimum.get(key), key.maxMhz())));
    return List.copyOf(clusters);
  }

  private record ClusterKey(String model, Integer maxMhz) {}

  private Cpu.Frequency frequency(List<Cpu.CpuCluster> clusters, List<Integer> cpus, CpuInfo info) {
    Integer min =
        clusters.stream()
            .map(Cpu.CpuCluster::minMhz)
            .filter(Objects::nonNull)
            .min(Integer::compare)
            .orElse(null);
    Integer max =
        clusters.stream()
            .map(Cpu.CpuCluster::maxMhz)
            .filter(Objects::nonNull)
            .max(Integer::compare)
            .orElse(null);
    Integer current = cpus.isEmpty() ? null : mhz(cpufreq(cpus.get(0), "scaling_cur_freq"));
    if (current == null) {
      current = info.first("cpu MHz").flatMap(CpuProbe::decimalMhz).orElse(null);
    }
    return new Cpu.Frequency(min, max, current);
  }

  private Long cpufreq(int cpu, String name) {
    String path = "/sys/devices/system/cpu/cpu" + cpu + "/cpufreq/" + name;
    return files.exists(path) ? files.number(path).orElse(null) : null;
  }

  /** kHz → MHz; a negative or absurd value (more than 100 GHz) is not a frequency. */
  private static Integer mhz(Long khz) {
    if (khz == null || khz <= 0 || khz > 100_000_000L) {
      return null;
    }
    return (int) Math.round(khz / 1000.0);
  }

  private static Optional<Integer> decimalMhz(String text) {
    if (!text.matches("\\d{1,6}(\\.\\d{1,6})?")) {
      return Optional.empty();
    }
    return Optional.of((int) Math.round(Double.parseDouble(text)));
  }

  /** One model, or "Cortex-A55 + Cortex-A76" for a big.LITTLE SoC, in CPU order. */
  private static String overallModel(List<Cpu.CpuCluster> clusters, Map<Integer, String> models) {
    List<String> distinct =
        clusters.stream()
            .map(Cpu.CpuCluster::model)
            .filter(m -> !m.equals(Characterization.UNKNOWN))
            .distinct()
            .toList();
    if (distinct.isEmpty()) {
      return models.values().stream()
          .filter(m -> !m.equals(Characterization.UNKNOWN))
          .findFirst()
          .orElse(Characterization.UNKNOWN);
    }
    return String.join(" + ", distinct);
  }

  private static boolean usable(Path device) {
    return Files.isReadable(device) && Files.isWritable(device);
  }

  /** Garbage in a model name (control characters, undecodable bytes) makes it unknown. */
  static String printable(String text) {
    return BoardProbe.isText(text) ? text : Characterization.UNKNOWN;
  }
}
