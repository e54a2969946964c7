package io.minicloud.charagent.model;

import java.util.List;

/** Block devices from /sys/block and mounted file systems from /proc/mounts. */
public record Storage(List<BlockDevice> devices, List<Filesystem> filesystems) {

  /** What a block device is, which decides what it is good for (an SD card wears out). */
  public enum Kind {
    SD_CARD,
    EMMC,
    NVME,
    USB,
    SATA_SSD,
    SATA_HDD,
    VIRTUAL,
    UNKNOWN
  }

  /** One whole disk (partitions, loop and ram devices are not listed). */
  public record BlockDevice(
      String name,
      Kind kind,
      Long sizeBytes,
      String model,
      boolean rotational,
      boolean removable) {}

  /**
   * One mounted file system; usage comes from the file system itself and is null where it cannot be
   * asked (a captured tree has no live mounts).
   */
  public record Filesystem(
      String mountPoint,
      String device,
      String type,
      Long sizeBytes,
      Long usedBytes,
      Long availableBytes) {}
}
