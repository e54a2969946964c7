package io.minicloud.charagent.probe;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The kernel's CPU list format ({@code /sys/devices/system/cpu/online}: {@code 0-3,6}). A hostile
 * range cannot make a huge list: more than {@link #MAX_CPUS} CPUs is treated as malformed.
 */
public final class CpuList {
  static final int MAX_CPUS = 4096;

  private CpuList() {}

  /** The CPUs, ascending, or empty when the text is not a CPU list. */
  public static Optional<List<Integer>> parse(String text) {
    TreeSet<Integer> cpus = new TreeSet<>();
    for (String part : text.trim().split(",")) {
      if (!part.matches("\\d{1,5}(-\\d{1,5})?")) {
        return Optional.empty();
      }
      String[] ends = part.split("-");
      int from = Integer.parseInt(ends[0]);
      int to = ends.length == 2 ? Integer.parseInt(ends[1]) : from;
      if (to < from || to - from >= MAX_CPUS) {
        return Optional.empty();
      }
      for (int cpu = from; cpu <= to; cpu++) {
        cpus.add(cpu);
      }
      if (cpus.size() > MAX_CPUS) {
        return Optional.empty();
      }
    }
    return Optional.of(List.copyOf(cpus));
  }
}
