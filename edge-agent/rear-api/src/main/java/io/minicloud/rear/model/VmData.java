package io.minicloud.rear.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * VM flavor data in the spec's PascalCase shape (the node has no VM flavors): cores, memory in MiB
 * and storage in GB as integers, as the spec's example uses them.
 */
public record VmData(
    @JsonProperty("Characteristics") Characteristics characteristics,
    @JsonProperty("Policy") Policy policy) {

  public record Characteristics(
      @JsonProperty("Architecture") String architecture,
      @JsonProperty("OS") String os,
      @JsonProperty("CPU") long cpu,
      @JsonProperty("Memory") long memoryMiB,
      @JsonProperty("GPU") Gpu gpu,
      @JsonProperty("Storage") long storageGB) {}

  public record Gpu(@JsonProperty("GPUModel") String model, @JsonProperty("GPUCores") long cores) {}

  public record Policy(@JsonProperty("Aggregatable") Aggregatable aggregatable) {}

  /** How many such VMs one purchase may take. */
  public record Aggregatable(
      @JsonProperty("MinCount") long minCount, @JsonProperty("MaxCount") long maxCount) {}
}
