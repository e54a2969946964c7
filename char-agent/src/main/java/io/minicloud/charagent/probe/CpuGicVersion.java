package io.minicloud.charagent.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ARM Generic Interrupt Controller version: a VM on arm64 needs a GICv2 or GICv3 to emulate,
 * and a unikernel must speak the host's. Sources: the irq chip names in {@code /proc/interrupts}
 * ({@code GICv2}, {@code GICv3}; older kernels named a GICv2 {@code GIC-0}), then the device tree's
 * {@code interrupt-controller@*} nodes ({@code arm,gic-400} and friends → 2, {@code arm,gic-v3} →
 * 3). A board without a GIC (a Pi 3's BCM2836 has its own controller) gives null.
 */
final class CpuGicVersion {
  private static final List<String> DEVICE_TREES =
      List.of("/proc/device-tree", "/sys/firmware/devicetree/base");

  private final HostFiles files;

  CpuGicVersion(HostFiles files) {
    this.files = files;
  }

  Integer probe() {
    List<String> interrupts = files.lines("/proc/interrupts");
    for (String line : interrupts) {
      Integer version = fromChipName(line);
      if (version != null) {
        return version;
      }
    }
    Optional<Integer> fromTree = fromDeviceTree();
    if (fromTree.isEmpty() && interrupts.isEmpty()) {
      files.warnings().add("/proc/interrupts: missing or empty, GIC version unknown");
    }
    return fromTree.orElse(null);
  }

  static Integer fromChipName(String line) {
    for (String token : line.trim().split("\\s+")) {
      switch (token) {
        case "GICv2", "GIC-0", "GIC" -> {
          return 2;
        }
        case "GICv3" -> {
          return 3;
        }
        case "GICv4" -> {
          return 4;
        }
        default -> {}
      }
    }
    return null;
  }

  static Integer fromCompatible(String compatible) {
    for (String value : compatible.split("\\s+")) {
      switch (value) {
        case "arm,gic-v3" -> {
          return 3;
        }
        case "arm,gic-400",
            "arm,cortex-a15-gic",
            "arm,cortex-a9-gic",
            "arm,cortex-a7-gic",
            "arm,arm11mp-gic",
            "arm,pl390" -> {
          return 2;
        }
        default -> {}
      }
    }
    return null;
  }

  /** Interrupt controllers sit at the root or one level down (soc@..., bus@...). */
  private Optional<Integer> fromDeviceTree() {
    for (String root : DEVICE_TREES) {
      List<String> candidates = new ArrayList<>();
      for (String child : files.list(root)) {
        if (child.startsWith("interrupt-controller@")) {
          candidates.add(root + "/" + child);
        } else if (child.startsWith("soc") || child.startsWith("bus@")) {
          files.list(root + "/" + child).stream()
              .filter(n -> n.startsWith("interrupt-controller@"))
              .forEach(n -> candidates.add(root + "/" + child + "/" + n));
        }
      }
      for (String node : candidates) {
        Optional<Integer> version =
            files.text(node + "/compatible").map(CpuGicVersion::fromCompatible);
        if (version.isPresent()) {
          return version;
        }
      }
    }
    return Optional.empty();
  }
}
