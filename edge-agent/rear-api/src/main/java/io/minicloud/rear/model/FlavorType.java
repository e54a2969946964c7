package io.minicloud.rear.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * {@code type: {name, data}}. {@code name} is lower case on the wire ({@code k8slice}, {@code vm},
 * {@code service}, {@code sensor}); a Go node fails its whole discovery on anything but k8slice and
 * service, which is why providers must not list the others to it (see the REAR listing rules).
 */
public record FlavorType(@JsonProperty("name") String name, @JsonProperty("data") JsonNode data) {

  public static final String K8SLICE = "k8slice";
  public static final String VM = "vm";
  public static final String SERVICE = "service";
  public static final String SENSOR = "sensor";

  public static FlavorType of(String name, Object typedData) {
    return new FlavorType(name, RearJson.mapper().valueToTree(typedData));
  }

  /** The type name in lower case, as the node compares it. */
  public String kind() {
    return name == null ? "" : name.toLowerCase(Locale.ROOT);
  }

  public K8SliceData k8slice() throws JsonProcessingException {
    return decode(K8SLICE, K8SliceData.class);
  }

  public ServiceData service() throws JsonProcessingException {
    return decode(SERVICE, ServiceData.class);
  }

  public SensorData sensor() throws JsonProcessingException {
    return decode(SENSOR, SensorData.class);
  }

  public VmData vm() throws JsonProcessingException {
    return decode(VM, VmData.class);
  }

  private <T> T decode(String expected, Class<T> type) throws JsonProcessingException {
    if (!expected.equals(kind())) {
      throw new IllegalStateException("flavor type is '" + name + "', not " + expected);
    }
    return RearJson.mapper().treeToValue(data, type);
  }
}
