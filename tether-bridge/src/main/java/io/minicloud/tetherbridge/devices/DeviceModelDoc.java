package io.minicloud.tetherbridge.devices;

import java.util.List;
import java.util.Optional;

/** A KubeEdge {@code devices.kubeedge.io/v1beta1 DeviceModel}. */
public record DeviceModelDoc(
    String name, String namespace, String protocol, List<ModelProperty> properties) {

  public DeviceModelDoc {
    properties = List.copyOf(properties);
  }

  public Optional<ModelProperty> property(String propertyName) {
    return properties.stream().filter(p -> p.name().equals(propertyName)).findFirst();
  }
}
