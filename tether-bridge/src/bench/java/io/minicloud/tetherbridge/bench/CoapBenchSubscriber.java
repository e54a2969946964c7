package io.minicloud.tetherbridge.bench;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Subscribes (QoS 1) to the bench device's {@code sent} telemetry and hands each message's value,
 * the notification's {@code sentNanos}, to a {@link CoapNotificationSink}. Independent of the
 * bridge's code.
 */
final class CoapBenchSubscriber implements AutoCloseable {
  private final MqttAsyncClient client;

  CoapBenchSubscriber(String uri, CoapNotificationSink sink) throws MqttException {
    String topic =
        "minicloud/v1/" + CoapObservePaths.NODE + "/" + CoapObservePaths.DEVICE + "/telemetry/sent";
    client =
        BenchMqtt.subscribe(
            uri,
            "coap-bench-subscriber",
            topic,
            (t, payload, now) -> {
              long sent = CoapNotificationSink.number(payload, "\"value\"");
              if (sent > 0) {
                sink.arrived(sent, now);
              }
            });
  }

  @Override
  public void close() throws MqttException {
    client.disconnect().waitForCompletion(5_000);
    client.close();
  }
}
