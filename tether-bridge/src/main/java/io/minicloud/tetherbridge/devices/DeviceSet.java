package io.minicloud.tetherbridge.devices;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, validated set of device models and devices, keyed by {@code metadata.name} (names
 * are unique across all files of a directory, whatever their namespace), in file order.
 */
public final class DeviceSet {
  private static final DeviceSet EMPTY = new DeviceSet(List.of(), List.of(), List.of(), Map.of());

  private final Map<String, DeviceModelDoc> models;
  private final Map<String, DeviceDoc> devices;
  private final List<DeviceStatusDoc> statuses;
  private final Map<String, String> sources;

  DeviceSet(List<DeviceModelDoc> models, List<DeviceDoc> devices, List<DeviceStatusDoc> statuses) {
    this(models, devices, statuses, Map.of());
  }

  /**
   * @param sources device name → the file it came from, as shown to the operator
   */
  DeviceSet(
      List<DeviceModelDoc> models,
      List<DeviceDoc> devices,
      List<DeviceStatusDoc> statuses,
      Map<String, String> sources) {
    Map<String, DeviceModelDoc> m = new LinkedHashMap<>();
    models.forEach(model -> m.put(model.name(), model));
    Map<String, DeviceDoc> d = new LinkedHashMap<>();
    devices.forEach(device -> d.put(device.name(), device));
    this.models = Collections.unmodifiableMap(m);
    this.devices = Collections.unmodifiableMap(d);
    this.statuses = List.copyOf(statuses);
    this.sources = Map.copyOf(sources);
  }

  /** The file a device was declared in ({@code devices/line1.yaml}), or "device files". */
  public String source(String deviceName) {
    return sources.getOrDefault(deviceName, "device files");
  }

  public static DeviceSet empty() {
    return EMPTY;
  }

  public Map<String, DeviceModelDoc> models() {
    return models;
  }

  public Map<String, DeviceDoc> devices() {
    return devices;
  }

  /** v1.23+ {@code DeviceStatus} documents that were accepted and skipped. */
  public List<DeviceStatusDoc> statuses() {
    return statuses;
  }

  public Optional<DeviceDoc> device(String name) {
    return Optional.ofNullable(devices.get(name));
  }

  public Optional<DeviceModelDoc> model(String name) {
    return Optional.ofNullable(models.get(name));
  }
}
