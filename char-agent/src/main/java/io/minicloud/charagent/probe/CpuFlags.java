package io.minicloud.charagent.probe;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CPU flags that matter for placement, from cpuinfo's {@code Features} (ARM) or {@code flags}
 * (x86), in one vocabulary: {@code asimd} on aarch64 and {@code neon} on armv7 are both "neon".
 * Everything else the kernel lists (dozens of x86 flags) is dropped: the document stays small and
 * the labels stable.
 */
public final class CpuFlags {
  /** aarch64 hwcaps, kernel name → ours, in output order. */
  private static final Map<String, String> ARM64 =
      ordered(
          "fp", "fp", "asimd", "neon", "asimdhp", "asimdhp", "asimddp", "asimddp", "aes", "aes",
          "pmull", "pmull", "sha1", "sha1", "sha2", "sha2", "sha3", "sha3", "sha512", "sha512",
          "crc32", "crc32", "atomics", "atomics", "sve", "sve", "sve2", "sve2", "i8mm", "i8mm",
          "bf16", "bf16");

  /** 32-bit ARM hwcaps (an armv7 kernel, or a 32-bit reader on an arm64 kernel). */
  private static final Map<String, String> ARM32 =
      ordered(
          "neon", "neon", "vfpv4", "vfpv4", "idiva", "idiva", "lpae", "lpae", "aes", "aes", "pmull",
          "pmull", "sha1", "sha1", "sha2", "sha2", "crc32", "crc32");

  private static final List<String> X86 =
      List.of(
          "sse4_2", "avx", "avx2", "avx512f", "fma", "aes", "sha_ni", "vmx", "svm", "hypervisor");

  private CpuFlags() {}

  public static List<String> arm(String features) {
    Set<String> tokens = tokens(features);
    Map<String, String> table = isArm32(tokens) ? ARM32 : ARM64;
    return table.entrySet().stream()
        .filter(e -> tokens.contains(e.getKey()))
        .map(Map.Entry::getValue)
        .toList();
  }

  public static List<String> x86(String flags) {
    Set<String> tokens = tokens(flags);
    return X86.stream().filter(tokens::contains).toList();
  }

  /** 32-bit ARM feature lists name the instruction sets a 64-bit one takes for granted. */
  static boolean isArm32(Set<String> tokens) {
    return tokens.contains("thumb") || tokens.contains("half") || tokens.contains("vfp");
  }

  static Set<String> tokens(String text) {
    if (text == null) {
      return Set.of();
    }
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+"))
        .filter(t -> !t.isEmpty())
        .collect(Collectors.toSet());
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
