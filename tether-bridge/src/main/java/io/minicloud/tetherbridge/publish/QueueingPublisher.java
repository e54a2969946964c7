package io.minicloud.tetherbridge.publish;

import io.minicloud.tetherbridge.northbound.TopicRoot;
import io.minicloud.tetherbridge.runtime.BoundDevice;
import io.minicloud.tetherbridge.runtime.BoundProperty;
import io.minicloud.tetherbridge.runtime.DevicePublisher;
import io.minicloud.tetherbridge.runtime.DeviceStatus;
import io.minicloud.tetherbridge.runtime.Reading;
import io.minicloud.tetherbridge.runtime.Twin;
import java.util.Map;

/** Turns what the core publishes into MQTT messages on the store-and-forward queue. */
public final class QueueingPublisher implements DevicePublisher {
  private final TopicRoot topics;
  private final Payloads payloads;
  private final MessageSink sink;

  public QueueingPublisher(TopicRoot topics, Payloads payloads, MessageSink sink) {
    this.topics = topics;
    this.payloads = payloads;
    this.sink = sink;
  }

  @Override
  public void telemetry(BoundDevice device, BoundProperty property, Reading reading) {
    sink.offer(
        device.name(),
        topics.telemetry(device.name(), property.name()),
        payloads.telemetry(device.name(), property, reading),
        MessageSink.PRIORITY_TELEMETRY,
        false);
  }

  @Override
  public void state(BoundDevice device, DeviceStatus status) {
    sink.offer(
        device.name(),
        topics.state(device.name()),
        payloads.state(status),
        MessageSink.PRIORITY_STATE,
        true);
  }

  @Override
  public void twin(BoundDevice device, Map<String, Twin.PropertyTwin> twin) {
    sink.offer(
        device.name(),
        topics.twinReported(device.name()),
        payloads.twin(device.name(), twin),
        MessageSink.PRIORITY_STATE,
        true);
  }
}
