package io.minicloud.charagent.probe;

import io.minicloud.charagent.model.Accelerator;
import io.minicloud.charagent.model.Accelerator.Kind;
import io.minicloud.charagent.model.AttachedDevices.UsbDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GPUs, NPUs and TPUs, found without a display and without privileges: only existence checks and
 * sysfs reads, never an open device node (a captured tree holds /dev nodes as empty files).
 *
 * <ul>
 *   <li>DRM cards ({@link DrmCards});
 *   <li>Coral PCIe/M.2 TPUs: {@code /dev/apex_N} (gasket/apex driver); Coral USB by its USB ids,
 *       {@code 1a6e:089a} before the runtime loads its firmware, {@code 18d1:9302} after;
 *   <li>Hailo NPUs: {@code /dev/hailoN} (hailo_pci driver);
 *   <li>Rockchip NPU: {@code /dev/rknpu}, {@code /sys/class/misc/rknpu} or a device-tree {@code
 *       npu@…} node compatible with rknpu, unless a DRM card already has the rknpu driver;
 *   <li>Jetson integrated GPU (nvgpu): its device nodes or its platform device ({@code gpu.0} on
 *       Nano/TX1, {@code 17000000.gpu} or {@code 17000000.ga10b} on Orin). A Tegra DRM card, when
 *       there is one, is listed apart: it is the host1x display/video engine, not the CUDA GPU.
 * </ul>
 */
public final class AcceleratorProbe {
  private static final Set<String> CORAL_USB_IDS = Set.of("1a6e:089a", "18d1:9302");
  private static final List<String> NVGPU_NODES =
      List.of("/dev/nvhost-gpu", "/dev/nvhost-ctrl-gpu", "/dev/nvgpu/igpu0/ctrl");
  private static final List<String> NVGPU_PLATFORM =
      List.of(
          "/sys/devices/platform/gpu.0",
          "/sys/devices/gpu.0",
          "/sys/devices/platform/17000000.gpu",
          "/sys/devices/platform/bus@0/17000000.gpu",
          "/sys/devices/17000000.ga10b",
          "/sys/devices/platform/17000000.ga10b");

  private final HostFiles files;

  public AcceleratorProbe(HostFiles files) {
    this.files = files;
  }

  public List<Accelerator> probe() {
    List<Accelerator> found = new ArrayList<>(DrmCards.scan(files));
    found.addAll(deviceNodes("apex_", Kind.TPU, "apex", "Google"));
    found.addAll(coralUsb());
    found.addAll(deviceNodes("hailo", Kind.NPU, "hailo_pci", "Hailo"));
    if (found.stream().noneMatch(a -> a.driver().equals("rknpu"))) {
      rockchipNpu().ifPresent(found::add);
    }
    if (found.stream().noneMatch(a -> a.driver().equals("nvgpu"))) {
      jetsonGpu().ifPresent(found::add);
    }
    return found;
  }

  /** One accelerator per {@code /dev/<prefix>N} node. */
  private List<Accelerator> deviceNodes(String prefix, Kind kind, String driver, String vendor) {
    return files.list("/dev").stream()
        .filter(n -> n.startsWith(prefix) && n.substring(prefix.length()).matches("\\d{1,4}"))
        .map(n -> new Accelerator(kind, n, driver, vendor, List.of("/dev/" + n)))
        .toList();
  }

  /** Coral USB needs no kernel driver: the Edge TPU runtime talks to it through usbfs. */
  private List<Accelerator> coralUsb() {
    List<Accelerator> found = new ArrayList<>();
    for (UsbDevice usb : UsbSysfs.devices(files)) {
      if (CORAL_USB_IDS.contains(usb.vendorId() + ":" + usb.productId())) {
        found.add(
            new Accelerator(Kind.TPU, "usb-" + usb.busPath(), "usbfs", "Google", usbNode(usb)));
      }
    }
    return found;
  }

  private List<String> usbNode(UsbDevice usb) {
    String dir = UsbSysfs.DEVICES + "/" + usb.busPath();
    Optional<Long> bus = files.number(dir + "/busnum");
    Optional<Long> dev = files.number(dir + "/devnum");
    if (bus.isEmpty() || dev.isEmpty()) {
      return List.of();
    }
    return List.of(String.format("/dev/bus/usb/%03d/%03d", bus.get(), dev.get()));
  }

  private Optional<Accelerator> rockchipNpu() {
    boolean deviceTree =
        files.list("/proc/device-tree").stream()
            .filter(n -> n.startsWith("npu@"))
            .anyMatch(
                n ->
                    files
                        .text("/proc/device-tree/" + n + "/compatible")
                        .filter(c -> c.contains("rknpu"))
                        .isPresent());
    if (!deviceTree && !files.exists("/dev/rknpu") && !files.exists("/sys/class/misc/rknpu")) {
      return Optional.empty();
    }
    List<String> nodes = files.exists("/dev/rknpu") ? List.of("/dev/rknpu") : List.of();
    return Optional.of(new Accelerator(Kind.NPU, "rknpu", "rknpu", "Rockchip", nodes));
  }

  private Optional<Accelerator> jetsonGpu() {
    List<String> nodes = NVGPU_NODES.stream().filter(files::exists).toList();
    if (nodes.isEmpty() && NVGPU_PLATFORM.stream().noneMatch(files::exists)) {
      return Optional.empty();
    }
    return Optional.of(new Accelerator(Kind.GPU, "nvgpu", "nvgpu", "NVIDIA", nodes));
  }
}
