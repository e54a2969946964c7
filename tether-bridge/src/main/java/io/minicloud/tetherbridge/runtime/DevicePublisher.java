package io.minicloud.tetherbridge.runtime;

import java.util.Map;

/**
 * Where the core sends what goes north: the MQTT northbound in production, a list in tests. Calls
 * come from link worker threads and must not block for long (queue, don't send).
 */
public interface DevicePublisher {

  /** A reading that passed its property's report policy. */
  void telemetry(BoundDevice device, BoundProperty property, Reading reading);

  /** The device's state changed (health, last-online time, error). */
  void state(BoundDevice device, DeviceStatus status);

  /** The twin changed after a desired value or a write. */
  void twin(BoundDevice device, Map<String, Twin.PropertyTwin> twin);

  DevicePublisher NONE =
      new DevicePublisher() {
        @Override
        public void telemetry(BoundDevice device, BoundProperty property, Reading reading) {}

        @Override
        public void state(BoundDevice device, DeviceStatus status) {}

        @Override
        public void twin(BoundDevice device, Map<String, Twin.PropertyTwin> twin) {}
      };
}
