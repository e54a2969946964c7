package io.minicloud.charagent.probe;

import io.minicloud.charagent.model.AttachedDevices.UsbDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * USB devices from {@code /sys/bus/usb/devices}: the entries with an {@code idVendor} (devices and
 * root hubs {@code usb1}); interfaces ({@code 1-1:1.0}) have none. String descriptors are optional
 * in USB, so a missing manufacturer, product or serial is null, not unknown.
 */
final class UsbSysfs {
  static final String DEVICES = "/sys/bus/usb/devices";
  private static final Pattern ID = Pattern.compile("\\p{XDigit}{4}");

  private UsbSysfs() {}

  static List<UsbDevice> devices(HostFiles files) {
    List<UsbDevice> devices = new ArrayList<>();
    for (String entry : files.list(DEVICES)) {
      if (entry.contains(":")) {
        continue;
      }
      String dir = DEVICES + "/" + entry;
      Optional<String> vendor = files.text(dir + "/idVendor");
      if (vendor.isEmpty()) {
        continue;
      }
      Optional<String> product = files.text(dir + "/idProduct");
      if (!ID.matcher(vendor.get()).matches()
          || product.filter(id -> ID.matcher(id).matches()).isEmpty()) {
        files.warnings().add(dir + ": skipped, idVendor/idProduct are not 4 hex digits");
        continue;
      }
      devices.add(
          new UsbDevice(
              entry,
              vendor.get().toLowerCase(),
              product.get().toLowerCase(),
              descriptor(files, dir + "/manufacturer"),
              descriptor(files, dir + "/product"),
              descriptor(files, dir + "/serial")));
    }
    return devices;
  }

  /** A string descriptor (at most 126 characters in USB), control characters replaced. */
  private static String descriptor(HostFiles files, String hostPath) {
    return files
        .text(hostPath)
        .map(s -> s.replaceAll("\\p{Cntrl}", "?"))
        .map(s -> s.length() <= 126 ? s : s.substring(0, 126) + "...")
        .orElse(null);
  }
}
