package io.minicloud.charagent.probe;

import java.util.Map;
import java.util.Optional;

/**
 * Names for the {@code CPU implementer} and {@code CPU part} codes of an ARM /proc/cpuinfo (the
 * MIDR register). The codes follow util-linux's lscpu-arm.c; only implementers found on edge boards
 * and servers are listed, the rest decode to "unknown" with a warning.
 */
public final class ArmCpuParts {
  private static final Map<Integer, String> IMPLEMENTERS =
      Map.ofEntries(
          Map.entry(0x41, "ARM"),
          Map.entry(0x42, "Broadcom"),
          Map.entry(0x43, "Cavium"),
          Map.entry(0x46, "Fujitsu"),
          Map.entry(0x48, "HiSilicon"),
          Map.entry(0x4e, "NVIDIA"),
          Map.entry(0x50, "APM"),
          Map.entry(0x51, "Qualcomm"),
          Map.entry(0x53, "Samsung"),
          Map.entry(0x56, "Marvell"),
          Map.entry(0x61, "Apple"),
          Map.entry(0x69, "Intel"),
          Map.entry(0x6d, "Microsoft"),
          Map.entry(0x70, "Phytium"),
          Map.entry(0xc0, "Ampere"));

  private static final Map<Integer, String> ARM =
      Map.ofEntries(
          Map.entry(0xb02, "ARM11 MPCore"),
          Map.entry(0xb36, "ARM1136"),
          Map.entry(0xb56, "ARM1156"),
          Map.entry(0xb76, "ARM1176"),
          Map.entry(0xc05, "Cortex-A5"),
          Map.entry(0xc07, "Cortex-A7"),
          Map.entry(0xc08, "Cortex-A8"),
          Map.entry(0xc09, "Cortex-A9"),
          Map.entry(0xc0d, "Cortex-A12"),
          Map.entry(0xc0e, "Cortex-A17"),
          Map.entry(0xc0f, "Cortex-A15"),
          Map.entry(0xd01, "Cortex-A32"),
          Map.entry(0xd02, "Cortex-A34"),
          Map.entry(0xd03, "Cortex-A53"),
          Map.entry(0xd04, "Cortex-A35"),
          Map.entry(0xd05, "Cortex-A55"),
          Map.entry(0xd06, "Cortex-A65"),
          Map.entry(0xd07, "Cortex-A57"),
          Map.entry(0xd08, "Cortex-A72"),
          Map.entry(0xd09, "Cortex-A73"),
          Map.entry(0xd0a, "Cortex-A75"),
          Map.entry(0xd0b, "Cortex-A76"),
          Map.entry(0xd0c, "Neoverse-N1"),
          Map.entry(0xd0d, "Cortex-A77"),
          Map.entry(0xd0e, "Cortex-A76AE"),
          Map.entry(0xd40, "Neoverse-V1"),
          Map.entry(0xd41, "Cortex-A78"),
          Map.entry(0xd42, "Cortex-A78AE"),
          Map.entry(0xd43, "Cortex-A65AE"),
          Map.entry(0xd44, "Cortex-X1"),
          Map.entry(0xd46, "Cortex-A510"),
          Map.entry(0xd47, "Cortex-A710"),
          Map.entry(0xd48, "Cortex-X2"),
          Map.entry(0xd49, "Neoverse-N2"),
          Map.entry(0xd4a, "Neoverse-E1"),
          Map.entry(0xd4b, "Cortex-A78C"),
          Map.entry(0xd4c, "Cortex-X1C"),
          Map.entry(0xd4d, "Cortex-A715"),
          Map.entry(0xd4e, "Cortex-X3"),
          Map.entry(0xd4f, "Neoverse-V2"),
          Map.entry(0xd80, "Cortex-A520"),
          Map.entry(0xd81, "Cortex-A720"),
          Map.entry(0xd82, "Cortex-X4"),
          Map.entry(0xd84, "Neoverse-V3"),
          Map.entry(0xd8e, "Neoverse-N3"));

  private static final Map<Integer, Map<Integer, String>> PARTS =
      Map.of(
          0x41,
          ARM,
          0x42,
          Map.of(0x00f, "Brahma-B15", 0x100, "Brahma-B53", 0x516, "ThunderX2"),
          0x4e,
          Map.of(0x000, "Denver", 0x003, "Denver 2", 0x004, "Carmel"),
          0x51,
          Map.ofEntries(
              Map.entry(0x800, "Kryo-2XX-Gold"),
              Map.entry(0x801, "Kryo-2XX-Silver"),
              Map.entry(0x802, "Kryo-3XX-Gold"),
              Map.entry(0x803, "Kryo-3XX-Silver"),
              Map.entry(0x804, "Kryo-4XX-Gold"),
              Map.entry(0x805, "Kryo-4XX-Silver"),
              Map.entry(0xc00, "Falkor"),
              Map.entry(0xc01, "Saphira")),
          0xc0,
          Map.of(0xac3, "Ampere-1", 0xac4, "Ampere-1a"));

  private ArmCpuParts() {}

  public static Optional<String> implementer(int code) {
    return Optional.ofNullable(IMPLEMENTERS.get(code));
  }

  public static Optional<String> part(int implementer, int part) {
    return Optional.ofNullable(PARTS.getOrDefault(implementer, Map.of()).get(part));
  }

  /** A cpuinfo hex field ("0x41", "0xd08"), or empty when it is not one. */
  static Optional<Integer> hex(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String digits = value.trim().replaceFirst("^0[xX]", "");
    if (digits.isEmpty() || digits.length() > 4 || !digits.matches("[0-9a-fA-F]+")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(digits, 16));
  }
}
