package io.minicloud.vim.model;

import java.util.Map;

/**
 * What placement knows of one node: its labels (the char-agent's {@code minicloud.io/*}, the
 * kubelet's {@code kubernetes.io/arch}), whether it is Ready and schedulable, and what it can still
 * give (allocatable minus what pods already request).
 *
 * @param name the Node's name
 * @param labels the Node's labels
 * @param ready Ready and not cordoned
 * @param freeCpuMillis allocatable CPU minus the pods' requests, in millicores
 * @param freeMemoryBytes allocatable memory minus the pods' requests, in bytes
 */
public record NodeFacts(
    String name,
    Map<String, String> labels,
    boolean ready,
    long freeCpuMillis,
    long freeMemoryBytes) {

  public NodeFacts {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  public String label(String key) {
    return labels.get(key);
  }
}
