package io.minicloud.rear.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.rear.quantity.Quantity;

/**
 * What the buyer wants of a flavor: {@code {type, data}} with data a {@link K8Slice} (the part of a
 * partitionable slice to carve) or a {@link Service} configuration.
 */
public record Configuration(
    @JsonProperty("type") String type, @JsonProperty("data") JsonNode data) {

  public static Configuration of(String type, Object typedData) {
    return new Configuration(type, RearJson.mapper().valueToTree(typedData));
  }

  public K8Slice k8slice() throws JsonProcessingException {
    return RearJson.mapper().treeToValue(data, K8Slice.class);
  }

  public Service service() throws JsonProcessingException {
    return RearJson.mapper().treeToValue(data, Service.class);
  }

  /** The slice size asked for; the node has no architecture here (the spec does; it is read). */
  public record K8Slice(
      @JsonProperty("cpu") Quantity cpu,
      @JsonProperty("memory") Quantity memory,
      @JsonProperty("pods") Quantity pods,
      @JsonProperty("gpu") K8SliceData.Gpu gpu,
      @JsonProperty("storage") Quantity storage) {}

  /** A service configuration: data validated against the flavor's configuration template. */
  public record Service(
      @JsonProperty("hostingPolicy") String hostingPolicy,
      @JsonProperty("configurationData") JsonNode configurationData) {}
}
