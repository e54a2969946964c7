package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.PointBinding;
import io.minicloud.tetherbridge.devices.DeviceProperty;
import io.minicloud.tetherbridge.devices.ModelProperty;

/**
 * One property, ready to run: the model's declaration, the device's settings, the plugin's point
 * binding, its report policy and how often to read it.
 *
 * @param collectMillis how often the core reads it (KubeEdge collectCycle, or the core default)
 */
public record BoundProperty(
    ModelProperty model,
    DeviceProperty device,
    PointBinding point,
    ReportPolicy report,
    long collectMillis) {

  public String name() {
    return model.name();
  }

  public boolean writable() {
    return model.accessMode() == io.minicloud.tetherbridge.devices.AccessMode.READ_WRITE;
  }
}
