package io.minicloud.charagent.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel's base page size (4 KiB; 16 KiB on a Raspberry Pi 5 kernel; 64 KiB on some arm64
 * servers), which decides whether a VM or unikernel image built for 4 KiB pages can run.
 *
 * <p>Sources, first that answers: the first {@code KernelPageSize:} of {@code /proc/self/smaps}
 * (the kernel's own statement; only the first mapping is read, so a large JVM smaps costs nothing),
 * then {@code /sys/kernel/mm/transparent_hugepage/hpage_pmd_size}: a PMD maps one page full of
 * 8-byte entries, so 2 MiB ↔ 4 KiB, 32 MiB ↔ 16 KiB, 512 MiB ↔ 64 KiB.
 */
final class CpuPageSize {
  static final String SMAPS = "/proc/self/smaps";
  static final String PMD_SIZE = "/sys/kernel/mm/transparent_hugepage/hpage_pmd_size";
  private static final Pattern KERNEL_PAGE_SIZE =
      Pattern.compile("KernelPageSize:\\s+(\\d{1,9})\\s+kB");
  private static final Map<Long, Long> PAGE_BY_PMD =
      Map.of(2L << 20, 4096L, 32L << 20, 16384L, 512L << 20, 65536L);
  private static final int SMAPS_LINES = 64;

  private final HostFiles files;

  CpuPageSize(HostFiles files) {
    this.files = files;
  }

  Long probe() {
    Long fromSmaps = fromSmaps();
    if (fromSmaps != null) {
      return fromSmaps;
    }
    Long pmd = files.number(PMD_SIZE).orElse(null);
    if (pmd != null && PAGE_BY_PMD.containsKey(pmd)) {
      return PAGE_BY_PMD.get(pmd);
    }
    files
        .warnings()
        .add(
            "page size unknown: no KernelPageSize in "
                + SMAPS
                + (pmd == null
                    ? " and no usable " + PMD_SIZE
                    : " and unexpected " + PMD_SIZE + " " + pmd));
    return null;
  }

  private Long fromSmaps() {
    Path smaps = files.resolve(SMAPS);
    if (!Files.isRegularFile(smaps)) {
      return null;
    }
    // Streamed, not HostFiles.text: the live file is generated per mapping and can exceed 1 MiB.
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(smaps), StandardCharsets.UTF_8))) {
      for (int i = 0; i < SMAPS_LINES; i++) {
        String line = in.readLine();
        if (line == null) {
          break;
        }
        Matcher m = KERNEL_PAGE_SIZE.matcher(line.trim());
        if (m.matches()) {
          long bytes = Long.parseLong(m.group(1)) * 1024;
          return Long.bitCount(bytes) == 1 ? bytes : null;
        }
      }
    } catch (IOException | SecurityException | java.io.UncheckedIOException e) {
      files.warnings().add(SMAPS + ": unreadable (" + e.getClass().getSimpleName() + ")");
    }
    return null;
  }
}
