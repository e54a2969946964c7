package io.minicloud.charagent.model;

import java.util.List;

/**
 * A GPU, NPU or TPU, found without a display and without privileges.
 *
 * @param kind GPU, NPU or TPU
 * @param name the card or device name (card0, apex_0, hailo0, rknpu)
 * @param driver the kernel driver (v3d, vc4, panfrost, lima, nouveau, amdgpu, i915, nvidia, apex,
 *     hailo_pci, rknpu, nvgpu)
 * @param vendor the vendor where known (Broadcom, Arm, NVIDIA, AMD, Intel, Google, Hailo, Rockchip)
 * @param devices device nodes a workload needs (/dev/dri/renderD128, /dev/apex_0 ...)
 */
public record Accelerator(
    Kind kind, String name, String driver, String vendor, List<String> devices) {

  /** What kind of accelerator. */
  public enum Kind {
    GPU,
    NPU,
    TPU
  }
}
