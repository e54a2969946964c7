package io.minicloud.tetherbridge.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the core published, for assertions. */
final class RecordingPublisher implements DevicePublisher {
  record Telemetry(String device, String property, Reading reading) {}

  final List<Telemetry> telemetry = new CopyOnWriteArrayList<>();
  final List<DeviceStatus> states = new CopyOnWriteArrayList<>();
  final List<Map<String, Twin.PropertyTwin>> twins = new CopyOnWriteArrayList<>();

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

  long count(String device, String property) {
    return telemetry.stream()
        .filter(t -> t.device().equals(device) && t.property().equals(property))
        .count();
  }
}
