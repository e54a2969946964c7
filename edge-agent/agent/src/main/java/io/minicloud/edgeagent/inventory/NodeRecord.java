package io.minicloud.edgeagent.inventory;

import java.util.List;
import java.util.Map;

/**
 * One machine of the minicloud as the inventory knows it: its characterization (char-agent JSON)
 * joined with its capacity.
 *
 * @param name the Kubernetes node name (or the configured name when standalone), a DNS-1123 name
 * @param architecture Kubernetes spelling: {@code arm64}, {@code amd64}, {@code arm}
 * @param allocatable what the node offers to workloads (kubelet's allocatable, or from the
 *     characterization when standalone)
 * @param requested what running workloads already requested (zero when standalone)
 * @param gpus accelerators (GPUs and NPUs), empty when none
 * @param kvm whether hardware virtualization is usable (/dev/kvm present), i.e. VMs can run here
 * @param board the board model when known (e.g. {@code Raspberry Pi 4 Model B Rev 1.4}), else ""
 * @param labels the node's labels (Kubernetes, or the char-agent's suggested labels)
 * @param ready whether the node is Ready (a NotReady node offers nothing)
 */
public record NodeRecord(
    String name,
    String architecture,
    String os,
    Resources allocatable,
    Resources requested,
    List<GpuRecord> gpus,
    boolean kvm,
    String board,
    Map<String, String> labels,
    boolean ready) {

  public NodeRecord {
    gpus = List.copyOf(gpus);
    labels = Map.copyOf(labels);
  }

  /** Allocatable minus requested: what can still be sold on this node. */
  public Resources free() {
    return ready ? allocatable.minus(requested) : Resources.NONE;
  }

  /** An accelerator: model name, compute cores (0 when unknown) and memory in bytes (0 unknown). */
  public record GpuRecord(String model, String vendor, long cores, long memoryBytes) {}
}
