package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.tetherbridge.devices.DeviceDoc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A device whose config a plugin has bound and validated: nothing is opened yet. */
public record BoundDevice(
    DeviceDoc doc, String source, DeviceDriver driver, List<BoundProperty> properties) {

  public BoundDevice {
    properties = List.copyOf(properties);
  }

  public String name() {
    return doc.name();
  }

  public String linkId() {
    return driver.link().id();
  }

  public Optional<BoundProperty> property(String name) {
    return properties.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** Read periods by property name. */
  public Map<String, Long> collectPeriods() {
    Map<String, Long> periods = new LinkedHashMap<>();
    properties.forEach(p -> periods.put(p.name(), p.collectMillis()));
    return periods;
  }
}
