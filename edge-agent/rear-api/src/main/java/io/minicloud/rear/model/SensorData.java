package io.minicloud.rear.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Sensor flavor data in the spec's shape (the node has none): a bridged device offered as a data
 * source. {@code SamplingRate} is in milliseconds.
 */
public record SensorData(
    @JsonProperty("Characteristics") Characteristics characteristics,
    @JsonProperty("AccessType") AccessType accessType) {

  public record Characteristics(
      @JsonProperty("SensorType") String sensorType,
      @JsonProperty("SensorModel") String sensorModel,
      @JsonProperty("SensorManufacturer") String sensorManufacturer,
      @JsonProperty("SamplingRate") long samplingRateMillis,
      @JsonProperty("Interface") String iface,
      @JsonProperty("SecurityStandards") List<String> securityStandards,
      @JsonProperty("additionalProperties") Extra additionalProperties) {}

  public record Extra(
      @JsonProperty("MeasurementUnit") String measurementUnit,
      @JsonProperty("SamplingRateUnit") String samplingRateUnit,
      @JsonProperty("AccessProtocol") String accessProtocol) {}

  /** MQTT access: the QoS the buyer gets; {@code method} for HTTP access. */
  public record AccessType(
      @JsonProperty("QoS") String qos, @JsonProperty("method") List<String> method) {}
}
