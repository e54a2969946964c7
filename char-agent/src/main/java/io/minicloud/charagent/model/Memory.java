package io.minicloud.charagent.model;

import java.util.List;

/** Memory from /proc/meminfo and zram devices from /sys/block/zram*. All sizes in bytes. */
public record Memory(
    Long totalBytes,
    Long availableBytes,
    Long swapTotalBytes,
    Long swapFreeBytes,
    List<Zram> zram) {

  /** A compressed RAM block device (often the only swap on a Pi). */
  public record Zram(String device, Long diskSizeBytes, String algorithm) {}
}
