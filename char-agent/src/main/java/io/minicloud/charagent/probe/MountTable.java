package io.minicloud.charagent.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code /proc/mounts} (fstab format: device, mount point, type, options, dump, pass) and
 * keeps the file systems that hold data.
 *
 * <p>Kept: block-backed file systems (device under {@code /dev/}, except {@code /dev/loop*}: snap
 * and image mounts, like the loop devices the storage probe skips) and network file systems (NFS,
 * CIFS/SMB, Ceph, GlusterFS, sshfs) and ZFS datasets. Skipped: every pseudo or memory file system
 * (proc, sysfs, devtmpfs, tmpfs, devpts, cgroup, overlay, squashfs images, fuse helpers...): they
 * hold no data of their own, and tmpfs is RAM the memory probe already reports. A device mounted
 * more than once (bind mounts, kubelet volume subpaths, container files) is listed once, at its
 * first mount point, which is where it was mounted before it was bound elsewhere.
 */
final class MountTable {
  private static final Set<String> NETWORK_TYPES =
      Set.of(
          "nfs",
          "nfs4",
          "cifs",
          "smb3",
          "smbfs",
          "ceph",
          "glusterfs",
          "fuse.glusterfs",
          "fuse.sshfs",
          "zfs");
  private static final Pattern OCTAL = Pattern.compile("\\\\([0-7]{3})");

  /** One kept mount; {@code network} says the file system is remote (or ZFS: not a /dev path). */
  record Mount(String device, String mountPoint, String type, boolean network) {}

  private MountTable() {}

  static List<Mount> parse(String source, List<String> lines, Warnings warnings) {
    Map<String, Mount> byDevice = new LinkedHashMap<>();
    int number = 0;
    for (String line : lines) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.trim().split("[ \t]+");
      // The kernel always writes six fields; fewer means a truncated or foreign line.
      if (fields.length < 6) {
        warnings.add(
            source + ": line " + number + " skipped, " + fields.length + " fields instead of 6");
        continue;
      }
      String device = decode(fields[0]);
      String type = fields[2];
      boolean network = NETWORK_TYPES.contains(type);
      boolean blockBacked = device.startsWith("/dev/") && !device.startsWith("/dev/loop");
      if (network || blockBacked) {
        byDevice.putIfAbsent(device, new Mount(device, decode(fields[1]), type, network));
      }
    }
    return new ArrayList<>(byDevice.values());
  }

  /** Undoes the kernel's octal escapes of space, tab, newline and backslash ({@code \040}). */
  static String decode(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    Matcher m = OCTAL.matcher(field);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      char c = (char) Integer.parseInt(m.group(1), 8);
      m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(c)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
