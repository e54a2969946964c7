package io.minicloud.charagent.probe;

import io.minicloud.charagent.model.Memory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory from /proc/meminfo ({@code MemTotal: 3884344 kB}; kB are KiB) and the zram devices of
 * /sys/block, whose {@code comp_algorithm} lists the choices with the active one in brackets
 * ({@code lzo lzo-rle lz4 [zstd]}).
 */
public final class MemoryProbe {
  static final String MEMINFO = "/proc/meminfo";
  private static final Pattern LINE = Pattern.compile("([A-Za-z0-9_()]+):\\s*(\\d{1,19})(\\s+kB)?");
  private static final Pattern ACTIVE = Pattern.compile("\\[([A-Za-z0-9_-]+)]");

  private final HostFiles files;

  public MemoryProbe(HostFiles files) {
    this.files = files;
  }

  public Memory probe() {
    Map<String, Long> meminfo = meminfo();
    return new Memory(
        field(meminfo, "MemTotal"),
        field(meminfo, "MemAvailable"),
        field(meminfo, "SwapTotal"),
        field(meminfo, "SwapFree"),
        zram());
  }

  /** Each field in bytes; malformed lines are skipped with one warning. */
  private Map<String, Long> meminfo() {
    List<String> lines = files.lines(MEMINFO);
    Map<String, Long> values = new HashMap<>();
    if (lines.isEmpty()) {
      files.warnings().add(MEMINFO + ": missing or empty, memory unknown");
      return values;
    }
    int malformed = 0;
    String first = null;
    for (String line : lines) {
      Matcher m = LINE.matcher(line.trim());
      Long bytes = m.matches() ? bytes(m.group(2), m.group(3) != null) : null;
      if (bytes == null) {
        malformed++;
        first = first == null ? HostFiles.abbreviate(line) : first;
        continue;
      }
      values.putIfAbsent(m.group(1), bytes);
    }
    if (malformed > 0) {
      files
          .warnings()
          .add(MEMINFO + ": skipped " + malformed + " malformed line(s), first: '" + first + "'");
    }
    return values;
  }

  private Long field(Map<String, Long> meminfo, String name) {
    Long value = meminfo.get(name);
    if (value == null && !meminfo.isEmpty()) {
      files.warnings().add(MEMINFO + ": no " + name + ", unknown");
    }
    return value;
  }

  private static Long bytes(String digits, boolean kibibytes) {
    try {
      long value = Long.parseLong(digits);
      return kibibytes ? Math.multiplyExact(value, 1024L) : value;
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private List<Memory.Zram> zram() {
    List<Memory.Zram> devices = new ArrayList<>();
    for (String name : files.list("/sys/block")) {
      if (!name.matches("zram\\d+")) {
        continue;
      }
      String dir = "/sys/block/" + name;
      // number() warns about garbage itself; an empty or missing file is worth one warning here
      Long size =
          files
              .required(dir + "/disksize", "zram size")
              .flatMap(text -> files.number(dir + "/disksize"))
              .filter(bytes -> bytes >= 0)
              .orElse(null);
      devices.add(new Memory.Zram(name, size, algorithm(dir + "/comp_algorithm")));
    }
    return List.copyOf(devices);
  }

  /** The bracketed choice; a file naming a single algorithm names the active one. */
  private String algorithm(String path) {
    Optional<String> text = files.text(path);
    if (text.isEmpty()) {
      files.warnings().add(path + ": missing or empty, algorithm unknown");
      return null;
    }
    Matcher m = ACTIVE.matcher(text.get());
    if (m.find()) {
      return m.group(1);
    }
    if (text.get().matches("[A-Za-z0-9_-]{1,32}")) {
      return text.get();
    }
    files
        .warnings()
        .add(path + ": no active algorithm in '" + HostFiles.abbreviate(text.get()) + "'");
    return null;
  }
}
