package io.minicloud.mapper.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the core knows of a device when it asks a plugin to bind it: the name, the opaque protocol
 * config ({@code spec.protocol.configData}) and its properties.
 */
public record DeviceSpec(
    String name, Map<String, Object> protocolConfig, List<PropertySpec> properties) {

  public DeviceSpec {
    Objects.requireNonNull(name, "name");
    protocolConfig = protocolConfig == null ? Map.of() : protocolConfig;
    properties = List.copyOf(properties);
  }

  public Optional<PropertySpec> property(String propertyName) {
    return properties.stream().filter(p -> p.name().equals(propertyName)).findFirst();
  }
}
