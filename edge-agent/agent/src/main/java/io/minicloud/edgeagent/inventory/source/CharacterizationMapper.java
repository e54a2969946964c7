package io.minicloud.edgeagent.inventory.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.edgeagent.inventory.NodeRecord;
import io.minicloud.edgeagent.inventory.NodeRecord.GpuRecord;
import io.minicloud.edgeagent.inventory.Resources;
import io.minicloud.edgeagent.inventory.SourceException;
import io.minicloud.rear.quantity.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A char-agent characterization (docs/api/characterization.schema.json, version 1.x) as a
 * standalone node: allocatable CPU = online cores, memory = total minus the system reserve, storage
 * = free space of {@code /}, pods = the configured count; nothing requested (no scheduler tracks
 * requests without a cluster). GPUs are listed for queries but not counted as allocatable: without
 * a device plugin nothing can be scheduled onto them.
 */
public final class CharacterizationMapper {

  private CharacterizationMapper() {}

  public static NodeRecord toNode(JsonNode c, Quantity memoryReserve, int pods)
      throws SourceException {
    if (c == null || !c.isObject() || !c.path("schemaVersion").asText("").startsWith("1.")) {
      throw new SourceException("not a characterization of schema version 1.x");
    }
    String name = c.path("node").asText("");
    if (name.isBlank()) {
      throw new SourceException("the characterization names no node");
    }
    JsonNode cpu = c.path("cpu");
    long cores = cpu.path("cores").asLong(0);
    long memory = c.path("memory").path("totalBytes").asLong(0);
    long reserve = memoryReserve.wholeValue();
    Resources allocatable =
        new Resources(
            Quantity.of(Math.max(0, cores)),
            Quantity.bytes(Math.max(0, memory - reserve)),
            Quantity.bytes(Math.max(0, rootFree(c.path("storage").path("filesystems")))),
            Quantity.of(Math.max(0, pods)),
            Quantity.ZERO);
    String arch = kubernetesArch(cpu.path("architecture").asText("unknown"));
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/arch", arch);
    labels.put("kubernetes.io/os", "linux");
    labels.put("kubernetes.io/hostname", name);
    return new NodeRecord(
        name,
        arch,
        "linux",
        allocatable,
        Resources.NONE,
        gpus(c.path("accelerators")),
        cpu.path("kvm").path("usable").asBoolean(false),
        known(c.path("board").path("model").asText("")),
        labels,
        true);
  }

  /** The kernel's machine name in Kubernetes' (GOARCH) spelling. */
  public static String kubernetesArch(String machine) {
    return switch (machine) {
      case "aarch64", "arm64" -> "arm64";
      case "x86_64", "amd64" -> "amd64";
      case "armv7l", "armv6l", "arm" -> "arm";
      case "riscv64" -> "riscv64";
      default -> machine;
    };
  }

  private static long rootFree(JsonNode filesystems) {
    for (JsonNode fs : filesystems) {
      if ("/".equals(fs.path("mountPoint").asText())) {
        return fs.path("availableBytes").asLong(0);
      }
    }
    return 0;
  }

  private static List<GpuRecord> gpus(JsonNode accelerators) {
    List<GpuRecord> gpus = new ArrayList<>();
    for (JsonNode a : accelerators) {
      if (a.isObject()) {
        gpus.add(
            new GpuRecord(
                known(a.path("driver").asText("")), known(a.path("vendor").asText("")), 0, 0));
      }
    }
    return gpus;
  }

  private static String known(String text) {
    return "unknown".equals(text) ? "" : text;
  }
}
