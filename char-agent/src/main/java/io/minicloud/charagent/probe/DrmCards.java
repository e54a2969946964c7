package io.minicloud.charagent.probe;

import io.minicloud.charagent.model.Accelerator;
import io.minicloud.charagent.model.Accelerator.Kind;
import io.minicloud.charagent.model.Characterization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GPUs (and DRM-based NPUs) from {@code /sys/class/drm/cardN}; connectors ({@code card0-HDMI-A-1})
 * and render nodes are not cards. A card's render nodes are its siblings in the device's {@code
 * drm/} directory. Framebuffer-only drivers (firmware framebuffers, emulated and BMC display
 * adapters) are not accelerators and are left out.
 */
final class DrmCards {
  private static final String DRM = "/sys/class/drm";

  private static final Map<String, String> VENDOR_BY_DRIVER =
      Map.ofEntries(
          Map.entry("v3d", "Broadcom"),
          Map.entry("vc4", "Broadcom"),
          Map.entry("panfrost", "Arm"),
          Map.entry("panthor", "Arm"),
          Map.entry("lima", "Arm"),
          Map.entry("nouveau", "NVIDIA"),
          Map.entry("nvidia", "NVIDIA"),
          Map.entry("tegra", "NVIDIA"),
          Map.entry("nvgpu", "NVIDIA"),
          Map.entry("amdgpu", "AMD"),
          Map.entry("radeon", "AMD"),
          Map.entry("i915", "Intel"),
          Map.entry("xe", "Intel"),
          Map.entry("rknpu", "Rockchip"),
          Map.entry("etnaviv", "Vivante"),
          Map.entry("msm", "Qualcomm"));

  private static final Map<String, String> VENDOR_BY_PCI_ID =
      Map.of("0x8086", "Intel", "0x1002", "AMD", "0x10de", "NVIDIA");

  private static final Set<String> DISPLAY_ONLY =
      Set.of(
          "simple-framebuffer",
          "simpledrm",
          "efi-framebuffer",
          "vesa-framebuffer",
          "ofdrm",
          "bochs-drm",
          "bochs",
          "cirrus",
          "cirrus-qemu",
          "ast",
          "mgag200",
          "hyperv_drm",
          "hyperv_fb",
          "vboxvideo",
          "udl",
          "gm12u320");

  private DrmCards() {}

  static List<Accelerator> scan(HostFiles files) {
    List<Accelerator> cards = new ArrayList<>();
    for (String card : files.list(DRM)) {
      if (!card.matches("card\\d{1,4}")) {
        continue;
      }
      String device = DRM + "/" + card + "/device";
      String driver = driver(files, device);
      if (DISPLAY_ONLY.contains(driver)) {
        continue;
      }
      if (driver.equals(Characterization.UNKNOWN)) {
        files.warnings().add(device + "/driver: missing, driver of " + card + " unknown");
      }
      List<String> nodes = new ArrayList<>();
      nodes.add("/dev/dri/" + card);
      files.list(device + "/drm").stream()
          .filter(n -> n.matches("renderD\\d{1,4}"))
          .forEach(n -> nodes.add("/dev/dri/" + n));
      cards.add(
          new Accelerator(
              driver.equals("rknpu") ? Kind.NPU : Kind.GPU,
              card,
              driver,
              vendor(files, device, driver),
              List.copyOf(nodes)));
    }
    return cards;
  }

  /**
   * The driver's name as the model documents it: the Pi's display driver registers as {@code
   * vc4-drm}, and Tegra's DRM device is a host1x client whose driver is just called {@code drm}.
   */
  private static String driver(HostFiles files, String device) {
    String driver = files.linkName(device + "/driver").orElse(Characterization.UNKNOWN);
    if (driver.equals("vc4-drm")) {
      return "vc4";
    }
    if (files.linkName(device + "/subsystem").filter("host1x"::equals).isPresent()) {
      return "tegra";
    }
    return driver;
  }

  private static String vendor(HostFiles files, String device, String driver) {
    String vendor = VENDOR_BY_DRIVER.get(driver);
    if (vendor != null) {
      return vendor;
    }
    return files
        .text(device + "/vendor")
        .map(id -> VENDOR_BY_PCI_ID.get(id.toLowerCase()))
        .orElse(Characterization.UNKNOWN);
  }
}
