package io.minicloud.rear.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.FlavorType;
import io.minicloud.rear.model.K8SliceData;
import io.minicloud.rear.model.SensorData;
import io.minicloud.rear.model.ServiceData;
import io.minicloud.rear.model.VmData;
import io.minicloud.rear.quantity.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which attributes each flavor type can be filtered on, and their values in a flavor. K8Slice and
 * Service keys are the node's; VM and Sensor keys are the spec's ({@code sampling_rate} in ms). A
 * VM's memory is in MiB and its storage in GB: a bare number filters in those units, a value with a
 * suffix ({@code 2Gi}) in bytes.
 */
public final class FilterAttributes {

  public static final Map<String, Set<String>> TEXT =
      Map.of(
          FlavorType.K8SLICE, Set.of("architecture"),
          FlavorType.VM, Set.of("architecture", "os"),
          FlavorType.SERVICE, Set.of("category", "tags", "name"),
          FlavorType.SENSOR, Set.of("sensor_type", "sensor_model", "sensor_manufacturer", "unit"));
  public static final Map<String, Set<String>> NUMERIC =
      Map.of(
          FlavorType.K8SLICE, Set.of("cpu", "memory", "pods", "storage", "gpu"),
          FlavorType.VM, Set.of("cpu", "memory", "storage", "gpu"),
          FlavorType.SERVICE, Set.of(),
          FlavorType.SENSOR, Set.of("sampling_rate"));

  private FilterAttributes() {}

  static boolean isText(String type, String attribute) {
    return TEXT.getOrDefault(type, Set.of()).contains(attribute);
  }

  static boolean isNumeric(String type, String attribute) {
    return NUMERIC.getOrDefault(type, Set.of()).contains(attribute);
  }

  /** The attribute's values in {@code flavor}: Strings or Quantities, empty when it has none. */
  static List<Object> values(Flavor flavor, String attribute, boolean bytes)
      throws JsonProcessingException {
    FlavorType type = flavor.type();
    List<Object> out = new ArrayList<>();
    switch (type.kind()) {
      case FlavorType.K8SLICE -> k8slice(type.k8slice(), attribute, out);
      case FlavorType.SERVICE -> service(type.service(), attribute, out);
      case FlavorType.VM -> vm(type.vm(), attribute, bytes, out);
      case FlavorType.SENSOR -> sensor(type.sensor(), attribute, out);
      default -> {}
    }
    out.removeIf(v -> v == null);
    return out;
  }

  private static void k8slice(K8SliceData data, String attribute, List<Object> out) {
    K8SliceData.Characteristics c = data.characteristics();
    if (c == null) {
      return;
    }
    switch (attribute) {
      case "architecture" -> out.add(c.architecture());
      case "cpu" -> out.add(c.cpu());
      case "memory" -> out.add(c.memory());
      case "pods" -> out.add(c.pods());
      case "storage" -> out.add(c.storage());
      case "gpu" -> out.add(c.gpu() == null ? Quantity.ZERO : c.gpu().cores());
      default -> {}
    }
  }

  private static void service(ServiceData data, String attribute, List<Object> out) {
    switch (attribute) {
      case "category" -> out.add(data.category());
      case "name" -> out.add(data.name());
      case "tags" -> out.addAll(data.tags() == null ? List.of() : data.tags());
      default -> {}
    }
  }

  private static void vm(VmData data, String attribute, boolean bytes, List<Object> out) {
    VmData.Characteristics c = data.characteristics();
    if (c == null) {
      return;
    }
    switch (attribute) {
      case "architecture" -> out.add(c.architecture());
      case "os" -> out.add(c.os());
      case "cpu" -> out.add(Quantity.of(c.cpu()));
      case "memory" ->
          out.add(bytes ? Quantity.bytes(c.memoryMiB() << 20) : Quantity.of(c.memoryMiB()));
      case "storage" ->
          out.add(bytes ? Quantity.of(c.storageGB() * 1_000_000_000L) : Quantity.of(c.storageGB()));
      case "gpu" -> out.add(Quantity.of(c.gpu() == null ? 0 : c.gpu().cores()));
      default -> {}
    }
  }

  private static void sensor(SensorData data, String attribute, List<Object> out) {
    SensorData.Characteristics c = data.characteristics();
    if (c == null) {
      return;
    }
    switch (attribute) {
      case "sensor_type" -> out.add(c.sensorType());
      case "sensor_model" -> out.add(c.sensorModel());
      case "sensor_manufacturer" -> out.add(c.sensorManufacturer());
      case "sampling_rate" -> out.add(Quantity.of(c.samplingRateMillis()));
      case "unit" ->
          out.add(
              c.additionalProperties() == null ? null : c.additionalProperties().measurementUnit());
      default -> {}
    }
  }
}
