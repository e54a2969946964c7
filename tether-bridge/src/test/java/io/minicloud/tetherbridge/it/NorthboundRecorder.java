package io.minicloud.tetherbridge.it;

import io.minicloud.mapper.api.DeviceHealth;
import io.minicloud.tetherbridge.runtime.BoundDevice;
import io.minicloud.tetherbridge.runtime.BoundProperty;
import io.minicloud.tetherbridge.runtime.DevicePublisher;
import io.minicloud.tetherbridge.runtime.DeviceStatus;
import io.minicloud.tetherbridge.runtime.Reading;
import io.minicloud.tetherbridge.runtime.Twin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps everything the runtime sends north (what the MQTT northbound would publish), in order. */
public final class NorthboundRecorder implements DevicePublisher {
  /** A telemetry message. */
  public record Telemetry(String device, String property, Reading reading) {}

  private final List<Telemetry> telemetry = new CopyOnWriteArrayList<>();
  private final List<DeviceStatus> states = new CopyOnWriteArrayList<>();
  private final List<Map<String, Twin.PropertyTwin>> twins = new CopyOnWriteArrayList<>();

  @Override
  public void telemetry(BoundDevice device, BoundProperty property, Reading reading) {
    telemetry.add(new Telemetry(device.name(), property.name(), reading));
  }

  @Override
  public void state(BoundDevice device, DeviceStatus status) {
    states.add(status);
  }

  @Override
  public void twin(BoundDevice device, Map<String, Twin.PropertyTwin> twin) {
    twins.add(twin);
  }

  public List<Telemetry> telemetry() {
    return List.copyOf(telemetry);
  }

  public List<Telemetry> telemetry(String device, String property) {
    return telemetry.stream()
        .filter(t -> t.device().equals(device) && t.property().equals(property))
        .toList();
  }

  /** The health values published on the device's state topic, in order. */
  public List<DeviceHealth> healthHistory(String device) {
    return states.stream()
        .filter(s -> s.device().equals(device))
        .map(DeviceStatus::health)
        .toList();
  }

  public int twinCount() {
    return twins.size();
  }
}
