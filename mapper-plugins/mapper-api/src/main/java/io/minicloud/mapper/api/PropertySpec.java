package io.minicloud.mapper.api;

import java.util.Map;
import java.util.Objects;

/**
 * One property of a device as the plugin sees it.
 *
 * @param type the engineering type from the DeviceModel (what the core publishes)
 * @param writable true for KubeEdge {@code ReadWrite} properties
 * @param visitorConfig {@code visitors.configData}, opaque: the plugin binds it (and the {@link
 *     Transform} keys in it)
 */
public record PropertySpec(
    String name, DataType type, boolean writable, Map<String, Object> visitorConfig) {

  public PropertySpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    visitorConfig = visitorConfig == null ? Map.of() : visitorConfig;
  }

  /** The field path of a visitor config key, as {@link ConfigException} reports it. */
  public String field(String key) {
    return "properties[" + name + "].visitors.configData." + key;
  }
}
