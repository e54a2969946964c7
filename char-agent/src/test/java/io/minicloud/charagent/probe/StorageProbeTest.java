package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.charagent.model.Storage;
import io.minicloud.charagent.model.Storage.BlockDevice;
import io.minicloud.charagent.model.Storage.Filesystem;
import io.minicloud.charagent.model.Storage.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captured trees are read from the source directory, not the class path: Maven's resource copy
 * follows symbolic links, and the probes read the links themselves.
 */
class StorageProbeTest {

  @TempDir Path root;
  private final Warnings warnings = new Warnings();

  private Storage probe(Path tree) {
    return new StorageProbe(new HostFiles(tree, warnings)).probe();
  }

  private Storage probe(String tree) {
    return probe(HostTree.CAPTURED.resolve(tree));
  }

  private static BlockDevice disk(Storage storage, String name) {
    return storage.devices().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  private void write(String hostPath, String text) throws IOException {
    HostTree.write(root, hostPath, text);
  }

  @Test
  void raspberryPi4SdCardAndUsbStick() {
    // WHEN
    Storage storage = probe("rpi4b-bookworm64");
    // THEN
    assertEquals(
        new BlockDevice("mmcblk0", Kind.SD_CARD, 62_333_952L * 512, "SC32G", false, false),
        disk(storage, "mmcblk0"));
    assertEquals(
        new BlockDevice("sda", Kind.USB, 60_088_320L * 512, "Ultra", true, true),
        disk(storage, "sda"));
    assertEquals(2, storage.devices().size());
    assertEquals(
        List.of(
            new Filesystem("/", "/dev/mmcblk0p2", "ext4", null, null, null),
            new Filesystem("/boot/firmware", "/dev/mmcblk0p1", "vfat", null, null, null),
            new Filesystem("/media/pi/USB DISK", "/dev/sda1", "vfat", null, null, null)),
        storage.filesystems());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void raspberryPi5NvmeHatSkipsZram() {
    Storage storage = probe("rpi5");

    assertEquals(
        List.of(
            new BlockDevice(
                "nvme0n1", Kind.NVME, 488_397_168L * 512, "Samsung SSD 980 250GB", false, false)),
        storage.devices());
    assertEquals(
        List.of("/", "/boot/firmware"),
        storage.filesystems().stream().map(Filesystem::mountPoint).toList());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void raspberryPi3SdCardSkipsRamDisks() {
    Storage storage = probe("rpi3bplus-armv7l");

    assertEquals(
        List.of(new BlockDevice("mmcblk0", Kind.SD_CARD, 31_116_288L * 512, "SL16G", false, false)),
        storage.devices());
    assertEquals(2, storage.filesystems().size());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void jetsonNvme() {
    Storage storage = probe("jetson-orin-nano");

    assertEquals(Kind.NVME, disk(storage, "nvme0n1").kind());
    assertEquals("WD Blue SN570 500GB", disk(storage, "nvme0n1").model());
    assertEquals(
        List.of("/", "/boot/efi"),
        storage.filesystems().stream().map(Filesystem::mountPoint).toList());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void miniPcNvmeSataDiskAndNfs() {
    Storage storage = probe("x86-minipc");

    assertEquals(
        List.of("nvme0n1", "sda"), storage.devices().stream().map(BlockDevice::name).toList());
    assertEquals(Kind.NVME, disk(storage, "nvme0n1").kind());
    assertEquals(
        new BlockDevice(
            "sda", Kind.SATA_HDD, 1_953_525_168L * 512, "ST1000LM035-1RK1", true, false),
        disk(storage, "sda"));
    // The kubelet's bind mount of the root partition is listed once, at /.
    assertEquals(
        List.of(
            new Filesystem("/", "/dev/nvme0n1p2", "ext4", null, null, null),
            new Filesystem("/boot/efi", "/dev/nvme0n1p1", "vfat", null, null, null),
            new Filesystem("/srv/data", "/dev/sda1", "ext4", null, null, null),
            new Filesystem("/mnt/nas", "nas.lan:/export/media", "nfs4", null, null, null)),
        storage.filesystems());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void kindsOfOtherDisks() throws IOException {
    // GIVEN an eMMC with its boot partitions, a SATA SSD, a virtio disk and a device-mapper volume
    write("/sys/block/mmcblk1/size", "30535680\n");
    write("/sys/block/mmcblk1/device/type", "MMC\n");
    write("/sys/block/mmcblk1/device/name", "DG4032\n");
    write("/sys/block/mmcblk1boot0/size", "8192\n");
    write("/sys/block/mmcblk1rpmb/size", "8192\n");
    write("/sys/block/sdb/size", "1000215216\n");
    write("/sys/block/sdb/queue/rotational", "0\n");
    write("/sys/block/vda/size", "67108864\n");
    write("/sys/block/dm-0/size", "1000\n");
    write("/sys/block/sr0/size", "0\n");
    write("/proc/mounts", "");
    // WHEN
    Storage storage = probe(root);
    // THEN
    assertEquals(
        List.of("mmcblk1", "sdb", "vda"),
        storage.devices().stream().map(BlockDevice::name).toList());
    assertEquals(Kind.EMMC, disk(storage, "mmcblk1").kind());
    assertEquals(Kind.SATA_SSD, disk(storage, "sdb").kind());
    assertEquals(Kind.VIRTUAL, disk(storage, "vda").kind());
    assertEquals("unknown", disk(storage, "vda").model());
  }

  @Test
  void hostileSizesAndModelsGiveNullOrUnknownWithWarnings() throws IOException {
    // GIVEN garbage with NULs, an empty size, a negative size, and a model file over 1 MiB
    write("/sys/block/sda/size", "\0\0\u00ff garbage\0");
    write("/sys/block/sdb/size", "");
    write("/sys/block/sdc/size", "-5\n");
    write("/sys/block/sdd/size", "99999999999999999\n");
    write("/sys/block/sde/size", "100\n");
    write("/sys/block/sde/device/model", "x".repeat(HostFiles.MAX_BYTES + 10));
    write("/sys/block/sde/queue/rotational", "\0\0\0");
    write("/proc/mounts", "/dev/sde1 / ext4 rw 0 0\n");
    // WHEN
    Storage storage = probe(root);
    // THEN every device is listed, none with a made-up size
    assertEquals(5, storage.devices().size());
    for (String name : List.of("sda", "sdb", "sdc", "sdd")) {
      assertNull(disk(storage, name).sizeBytes(), name);
    }
    assertEquals(51_200L, disk(storage, "sde").sizeBytes());
    assertTrue(disk(storage, "sde").model().length() < 50);
    assertFalse(disk(storage, "sde").rotational());
    assertEquals(5, warnings.list().size(), warnings.list().toString());
  }

  @Test
  void hostileMountLinesAreSkippedWithAWarning() throws IOException {
    // GIVEN a truncated line, a line of garbage, escapes in names, a tmpfs and a loop mount
    write(
        "/proc/mounts",
        String.join(
            "\n",
            "/dev/sda1 /",
            "\0\0\0\u0001",
            "/dev/sda2 /mnt/with\\040space\\011tab\\134back ext4 rw 0 0",
            "tmpfs /run tmpfs rw 0 0",
            "/dev/loop0 /snap/core/1 squashfs ro 0 0",
            "/dev/sda3 /srv xfs rw 0 0"));
    // WHEN
    Storage storage = probe(root);
    // THEN
    assertEquals(
        List.of("/mnt/with space\ttab\\back", "/srv"),
        storage.filesystems().stream().map(Filesystem::mountPoint).toList());
    assertEquals(2, warnings.list().stream().filter(w -> w.contains("fields")).count());
  }

  @Test
  void missingSourcesGiveEmptyListsAndOneWarningEach() {
    Storage storage = probe(root);

    assertEquals(new Storage(List.of(), List.of()), storage);
    assertEquals(2, warnings.list().size(), warnings.list().toString());
  }

  @Test
  void mountsFallBackToProcSelfMounts() throws IOException {
    write("/proc/self/mounts", "/dev/vda / ext4 rw 0 0\n");

    assertEquals(1, probe(root).filesystems().size());
  }

  @Test
  void octalEscapesAreDecoded() {
    assertEquals("a b", MountTable.decode("a\\040b"));
    assertEquals("plain", MountTable.decode("plain"));
    assertEquals("\\9", MountTable.decode("\\9"));
  }

  @Test
  void liveMachine() {
    // WHEN this build machine is characterized
    Storage storage = probe(Path.of("/"));
    // THEN there is something to store on, and block-backed file systems have a usage
    assertFalse(storage.devices().isEmpty() && storage.filesystems().isEmpty());
    storage.filesystems().stream()
        .filter(fs -> fs.device().startsWith("/dev/"))
        .forEach(
            fs -> assertTrue(fs.sizeBytes() != null || !warnings.list().isEmpty(), fs.toString()));
  }
}
