package io.minicloud.charagent.probe;

import io.minicloud.charagent.model.Characterization;
import io.minicloud.charagent.model.Storage;
import io.minicloud.charagent.model.Storage.BlockDevice;
import io.minicloud.charagent.model.Storage.Filesystem;
import io.minicloud.charagent.model.Storage.Kind;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whole disks from {@code /sys/block} and data file systems from {@code /proc/mounts} (see {@link
 * MountTable} for which mounts count).
 *
 * <p>Not listed: loop, ram and zram devices (zram is the memory probe's), device-mapper {@code
 * dm-*} devices (views of partitions whose disk is already listed: listing them would count the
 * same bytes twice), the hardware boot partitions of an eMMC ({@code mmcblk0boot0}) and devices of
 * size 0 (an empty card reader, an idle nbd device). Usage is asked of the live file system only
 * when the root is {@code /}, and never of a network file system: statfs on a dead NFS server
 * blocks, and the probe runs every few seconds.
 */
public final class StorageProbe {
  private static final Pattern SKIPPED =
      Pattern.compile("(loop|ram|zram|dm-).*|mmcblk\\d+(boot\\d+|rpmb)");
  private static final long SECTOR = 512;

  private final HostFiles files;

  public StorageProbe(HostFiles files) {
    this.files = files;
  }

  public Storage probe() {
    return new Storage(devices(), filesystems());
  }

  private List<BlockDevice> devices() {
    if (!files.exists("/sys/block")) {
      files.warnings().add("/sys/block: missing, block devices unknown");
      return List.of();
    }
    List<BlockDevice> devices = new ArrayList<>();
    for (String name : files.list("/sys/block")) {
      if (SKIPPED.matcher(name).matches()) {
        continue;
      }
      String dir = "/sys/block/" + name;
      Long size = sizeBytes(dir);
      if (size != null && size == 0) {
        continue;
      }
      boolean rotational = flag(dir + "/queue/rotational");
      devices.add(
          new BlockDevice(
              name,
              kind(name, rotational),
              size,
              model(dir),
              rotational,
              flag(dir + "/removable")));
    }
    return devices;
  }

  private Kind kind(String name, boolean rotational) {
    if (name.startsWith("mmcblk")) {
      // The MMC core's card type: "SD" for a card, "MMC" for soldered eMMC, "SDIO" for wifi.
      String type = files.text("/sys/block/" + name + "/device/type").orElse("");
      return switch (type) {
        case "SD" -> Kind.SD_CARD;
        case "MMC" -> Kind.EMMC;
        default -> Kind.UNKNOWN;
      };
    }
    if (name.startsWith("nvme")) {
      return Kind.NVME;
    }
    if (name.startsWith("sd")) {
      if (linkTarget("/sys/block/" + name).contains("/usb")) {
        return Kind.USB;
      }
      return rotational ? Kind.SATA_HDD : Kind.SATA_SSD;
    }
    if (name.startsWith("vd") || name.startsWith("xvd")) {
      return Kind.VIRTUAL;
    }
    return Kind.UNKNOWN;
  }

  /** The sysfs device path a /sys/block entry links to: it shows the bus (…/usb2/2-1/…). */
  private String linkTarget(String hostPath) {
    Path link = files.resolve(hostPath);
    try {
      return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).toString() : "";
    } catch (IOException | SecurityException e) {
      files.warnings().add(hostPath + ": unreadable link (" + e.getClass().getSimpleName() + ")");
      return "";
    }
  }

  private Long sizeBytes(String dir) {
    Optional<String> text = files.required(dir + "/size", "size");
    if (text.isEmpty()) {
      return null;
    }
    try {
      long sectors = Long.parseLong(text.get());
      if (sectors < 0) {
        throw new NumberFormatException("negative");
      }
      return Math.multiplyExact(sectors, SECTOR);
    } catch (NumberFormatException | ArithmeticException e) {
      files
          .warnings()
          .add(dir + "/size: not a sector count: '" + HostFiles.abbreviate(text.get()) + "'");
      return null;
    }
  }

  /**
   * SCSI, ATA and NVMe disks have {@code device/model}, MMC cards {@code device/name}; virtio and
   * some controllers have neither, which is normal and not worth a warning.
   */
  private String model(String dir) {
    return files
        .text(dir + "/device/model")
        .or(() -> files.text(dir + "/device/name"))
        .map(HostFiles::abbreviate)
        .orElse(Characterization.UNKNOWN);
  }

  private boolean flag(String hostPath) {
    return files.text(hostPath).map("1"::equals).orElse(false);
  }

  private List<Filesystem> filesystems() {
    String source = files.exists("/proc/mounts") ? "/proc/mounts" : "/proc/self/mounts";
    List<String> lines = files.lines(source);
    if (lines.isEmpty()) {
      files.warnings().add("/proc/mounts: missing or empty, file systems unknown");
      return List.of();
    }
    boolean live = files.root().equals(Path.of("/"));
    List<Filesystem> result = new ArrayList<>();
    for (MountTable.Mount mount : MountTable.parse(source, lines, files.warnings())) {
      if (live && !mount.network()) {
        result.add(withUsage(mount));
      } else {
        result.add(
            new Filesystem(mount.mountPoint(), mount.device(), mount.type(), null, null, null));
      }
    }
    return result;
  }

  private Filesystem withUsage(MountTable.Mount mount) {
    try {
      FileStore store = Files.getFileStore(Path.of(mount.mountPoint()));
      long total = store.getTotalSpace();
      long free = store.getUnallocatedSpace();
      return new Filesystem(
          mount.mountPoint(),
          mount.device(),
          mount.type(),
          total,
          total - free,
          store.getUsableSpace());
    } catch (IOException | RuntimeException e) {
      files
          .warnings()
          .add(mount.mountPoint() + ": usage unknown (" + e.getClass().getSimpleName() + ")");
      return new Filesystem(mount.mountPoint(), mount.device(), mount.type(), null, null, null);
    }
  }
}
