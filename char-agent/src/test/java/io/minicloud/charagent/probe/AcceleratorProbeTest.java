package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minicloud.charagent.model.Accelerator;
import io.minicloud.charagent.model.Accelerator.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceleratorProbeTest {
  @TempDir Path root;
  private final Warnings warnings = new Warnings();

  private List<Accelerator> probe(Path tree) {
    return new AcceleratorProbe(new HostFiles(tree, warnings)).probe();
  }

  private List<Accelerator> probe(String tree) {
    return probe(HostTree.CAPTURED.resolve(tree));
  }

  private void write(String hostPath, String text) throws IOException {
    HostTree.write(root, hostPath, text);
  }

  private void link(String hostPath, String target) throws IOException {
    HostTree.link(root, hostPath, target);
  }

  /** A DRM card whose device has a driver link and, optionally, a render node. */
  private void card(String card, String driver, String render) throws IOException {
    String device = "/sys/class/drm/" + card + "/device";
    link(device + "/driver", "../../../../bus/platform/drivers/" + driver);
    write(device + "/drm/" + card + "/dev", "226:0\n");
    if (render != null) {
      write(device + "/drm/" + render + "/dev", "226:128\n");
    }
  }

  @Test
  void raspberryPi4DisplayAndThreeDCards() {
    assertEquals(
        List.of(
            new Accelerator(Kind.GPU, "card0", "vc4", "Broadcom", List.of("/dev/dri/card0")),
            new Accelerator(
                Kind.GPU,
                "card1",
                "v3d",
                "Broadcom",
                List.of("/dev/dri/card1", "/dev/dri/renderD128"))),
        probe("rpi4b-bookworm64"));
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void raspberryPi5WithHailo() {
    assertEquals(
        List.of(
            new Accelerator(
                Kind.GPU,
                "card0",
                "v3d",
                "Broadcom",
                List.of("/dev/dri/card0", "/dev/dri/renderD128")),
            new Accelerator(Kind.GPU, "card1", "vc4", "Broadcom", List.of("/dev/dri/card1")),
            new Accelerator(Kind.NPU, "hailo0", "hailo_pci", "Hailo", List.of("/dev/hailo0"))),
        probe("rpi5"));
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void raspberryPi3Vc4HasTheRenderNode() {
    assertEquals(
        List.of(
            new Accelerator(
                Kind.GPU,
                "card0",
                "vc4",
                "Broadcom",
                List.of("/dev/dri/card0", "/dev/dri/renderD128"))),
        probe("rpi3bplus-armv7l"));
  }

  @Test
  void jetsonTegraCardAndNvgpu() {
    assertEquals(
        List.of(
            new Accelerator(
                Kind.GPU,
                "card0",
                "tegra",
                "NVIDIA",
                List.of("/dev/dri/card0", "/dev/dri/renderD128")),
            new Accelerator(
                Kind.GPU,
                "nvgpu",
                "nvgpu",
                "NVIDIA",
                List.of("/dev/nvhost-gpu", "/dev/nvhost-ctrl-gpu", "/dev/nvgpu/igpu0/ctrl"))),
        probe("jetson-orin-nano"));
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void miniPcIntelGpuAndCoralPcie() {
    assertEquals(
        List.of(
            new Accelerator(
                Kind.GPU,
                "card0",
                "i915",
                "Intel",
                List.of("/dev/dri/card0", "/dev/dri/renderD128")),
            new Accelerator(Kind.TPU, "apex_0", "apex", "Google", List.of("/dev/apex_0"))),
        probe("x86-minipc"));
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void coralUsbBeforeAndAfterItsFirmwareIsLoaded() throws IOException {
    // GIVEN two Coral USB sticks: one enumerated as Global Unichip, one as Google
    write("/sys/bus/usb/devices/2-1/idVendor", "1a6e\n");
    write("/sys/bus/usb/devices/2-1/idProduct", "089a\n");
    write("/sys/bus/usb/devices/2-1/busnum", "2\n");
    write("/sys/bus/usb/devices/2-1/devnum", "3\n");
    write("/sys/bus/usb/devices/2-2/idVendor", "18d1\n");
    write("/sys/bus/usb/devices/2-2/idProduct", "9302\n");
    write("/sys/bus/usb/devices/1-1/idVendor", "0403\n");
    write("/sys/bus/usb/devices/1-1/idProduct", "6001\n");
    // WHEN
    List<Accelerator> found = probe(root);
    // THEN
    assertEquals(
        List.of(
            new Accelerator(
                Kind.TPU, "usb-2-1", "usbfs", "Google", List.of("/dev/bus/usb/002/003")),
            new Accelerator(Kind.TPU, "usb-2-2", "usbfs", "Google", List.of())),
        found);
  }

  @Test
  void rockchipNpuFromDeviceTreeOrDeviceNode() throws IOException {
    write("/proc/device-tree/npu@fdab0000/compatible", "rockchip,rk3588-rknpu\0");
    write("/proc/device-tree/gpu@fb000000/compatible", "arm,mali-bifrost\0");
    card("card1", "panfrost", "renderD129");

    List<Accelerator> found = probe(root);

    assertEquals(2, found.size());
    assertEquals("Arm", found.get(0).vendor());
    assertEquals(new Accelerator(Kind.NPU, "rknpu", "rknpu", "Rockchip", List.of()), found.get(1));

    write("/dev/rknpu", "");
    assertEquals(List.of("/dev/rknpu"), probe(root).get(1).devices());
  }

  @Test
  void rknpuAsDrmDeviceIsListedOnce() throws IOException {
    card("card1", "rknpu", "renderD129");
    write("/dev/rknpu", "");

    List<Accelerator> found = probe(root);

    assertEquals(1, found.size());
    assertEquals(Kind.NPU, found.get(0).kind());
    assertEquals("Rockchip", found.get(0).vendor());
  }

  @Test
  void vendorFromPciIdAndFramebuffersLeftOut() throws IOException {
    // GIVEN an NVIDIA card with the proprietary driver, an unknown driver on an AMD id,
    // the firmware framebuffer and a connector
    card("card0", "simple-framebuffer", null);
    card("card1", "nvidia", "renderD128");
    card("card2", "amdgpu-pro", null);
    write("/sys/class/drm/card2/device/vendor", "0x1002\n");
    write("/sys/class/drm/card1-HDMI-A-1/status", "connected\n");
    // WHEN
    List<Accelerator> found = probe(root);
    // THEN
    assertEquals(List.of("card1", "card2"), found.stream().map(Accelerator::name).toList());
    assertEquals("NVIDIA", found.get(0).vendor());
    assertEquals("AMD", found.get(1).vendor());
  }

  @Test
  void hostileCardsGiveUnknownWithAWarning() throws IOException {
    // GIVEN a card that is a file of garbage, a card without a driver, garbage in a PCI vendor,
    // device nodes that only look like accelerators
    write("/sys/class/drm/card0", "\0\0\u00ff".repeat(1000));
    write("/sys/class/drm/card1/device/vendor", "\0\0\0");
    write("/dev/apex_x", "");
    write("/dev/hailo", "");
    write("/dev/hailo99999", "");
    // WHEN
    List<Accelerator> found = probe(root);
    // THEN
    assertEquals(List.of("card0", "card1"), found.stream().map(Accelerator::name).toList());
    assertEquals("unknown", found.get(0).driver());
    assertEquals("unknown", found.get(1).vendor());
    assertEquals(2, warnings.list().size(), warnings.list().toString());
  }

  @Test
  void jetsonNanoByPlatformDeviceOnly() throws IOException {
    write("/sys/devices/gpu.0/load", "0\n");

    assertEquals(
        List.of(new Accelerator(Kind.GPU, "nvgpu", "nvgpu", "NVIDIA", List.of())), probe(root));
  }

  @Test
  void nothingAtAll() {
    assertEquals(List.of(), probe(root));
    assertEquals(List.of(), warnings.list());
  }
}
