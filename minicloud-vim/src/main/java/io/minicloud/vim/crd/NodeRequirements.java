package io.minicloud.vim.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Map;

/**
 * Hard constraints on a node, each on a label the char-agent puts on its Node (or the kubelet's
 * {@code kubernetes.io/arch}). An absent field constrains nothing.
 */
public record NodeRequirements(
    @JsonPropertyDescription("one of these architectures: amd64, arm64, arm") @Size(max = 4)
        List<Architecture> arch,
    @JsonPropertyDescription("true: the node must have usable KVM") Boolean kvm,
    @JsonPropertyDescription("the node's memory page size, e.g. 4Ki, 16Ki, 64Ki") String pageSize,
    @JsonPropertyDescription("true: any GPU; or a GPU driver name (v3d, i915, nvidia...)")
        String gpu,
    @JsonPropertyDescription("an NPU/TPU: tpu-coral, npu-hailo, npu-rockchip... or 'any'")
        String accelerator,
    @JsonPropertyDescription("at least this many serial devices attached") @Min(0)
        Integer serialDevices,
    @JsonPropertyDescription("one of these boards (the char-agent's board label)") @Size(max = 16)
        List<String> board,
    @JsonPropertyDescription("further labels that must have exactly these values") @Size(max = 16)
        Map<String, String> labels) {

  public NodeRequirements {
    arch = arch == null ? List.of() : List.copyOf(arch);
    board = board == null ? List.of() : List.copyOf(board);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** Kubernetes architecture names, as the kubelet's {@code kubernetes.io/arch} label. */
  public enum Architecture {
    amd64,
    arm64,
    arm
  }
}
