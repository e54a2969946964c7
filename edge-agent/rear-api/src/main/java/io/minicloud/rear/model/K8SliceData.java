package io.minicloud.rear.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.rear.quantity.Quantity;
import java.util.Map;

/**
 * K8Slice flavor data. The node spells the key {@code charateristics} (sic) and reads only that;
 * the spec says {@code characteristics}. Read either, write both.
 */
public record K8SliceData(
    @JsonProperty("charateristics") Characteristics characteristics,
    @JsonProperty("properties") JsonNode properties,
    @JsonProperty("policies") Policies policies) {

  /** Reads the node's key, or the spec's when only that is present (both are, in our output). */
  @JsonCreator
  static K8SliceData read(
      @JsonProperty("charateristics") Characteristics node,
      @JsonProperty("characteristics") Characteristics spec,
      @JsonProperty("properties") JsonNode properties,
      @JsonProperty("policies") Policies policies) {
    return new K8SliceData(node != null ? node : spec, properties, policies);
  }

  @JsonAnyGetter
  Map<String, Object> specSpelling() {
    return characteristics == null ? Map.of() : Map.of("characteristics", characteristics);
  }

  /** What the slice has; every figure a Kubernetes quantity, {@code gpu} and storage optional. */
  public record Characteristics(
      @JsonProperty("architecture") String architecture,
      @JsonProperty("cpu") Quantity cpu,
      @JsonProperty("memory") Quantity memory,
      @JsonProperty("pods") Quantity pods,
      @JsonProperty("gpu") Gpu gpu,
      @JsonProperty("storage") Quantity storage) {}

  /** A GPU figure: model ("" when none), cores and memory as quantities ("0" when none). */
  public record Gpu(
      @JsonProperty("model") String model,
      @JsonProperty("cores") Quantity cores,
      @JsonProperty("memory") Quantity memory) {

    public static final Gpu NONE = new Gpu("", Quantity.ZERO, Quantity.ZERO);
  }

  public record Policies(@JsonProperty("partitionability") Partitionability partitionability) {}

  /**
   * How a buyer may cut the slice: at least the minimums, in whole steps above them. A zero step
   * means that resource is not divisible (the whole amount or nothing).
   */
  public record Partitionability(
      @JsonProperty("cpuMin") Quantity cpuMin,
      @JsonProperty("memoryMin") Quantity memoryMin,
      @JsonProperty("podsMin") Quantity podsMin,
      @JsonProperty("cpuStep") Quantity cpuStep,
      @JsonProperty("memoryStep") Quantity memoryStep,
      @JsonProperty("podsStep") Quantity podsStep) {}
}
