package io.minicloud.tetherbridge.bench;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Subscribes (QoS 1) to the bench device's {@code sent} telemetry and hands each message's value,
 * the notification's {@code sentNanos}, to a {@link CoapNotificationSink}. Independent of the
 * bridge's code.
 */
final class CoapBenchSubscriber implements AutoCloseable {
  private final MqttAsyncClient client;

  CoapBenchSubscriber(String uri, CoapNotificationSink sink) throws MqttException {
    client = new MqttAsyncClient(uri, "coap-bench-subscriber", new MemoryPersistence());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setReceiveMaximum(65535);
    client.setCallback(
        new MqttCallback() {
          @Override
          public void disconnected(MqttDisconnectResponse response) {
            System.err.println("coap bench subscriber: disconnected: " + response);
          }

          @Override
          public void mqttErrorOccurred(MqttException e) {
            System.err.println("coap bench subscriber: " + e);
          }

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            long now = System.nanoTime();
            long sent = CoapNotificationSink.number(message.getPayload(), "\"value\"");
            if (sent > 0) {
              sink.arrived(sent, now);
            }
          }

          @Override
          public void deliveryComplete(IMqttToken token) {
            // subscribes only
          }

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {
            // waited for below
          }

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
          }
        });
    client.connect(o).waitForCompletion(10_000);
    String topic =
        "minicloud/v1/" + CoapObservePaths.NODE + "/" + CoapObservePaths.DEVICE + "/telemetry/sent";
    client.subscribe(topic, 1).waitForCompletion(10_000);
  }

  @Override
  public void close() throws MqttException {
    client.disconnect().waitForCompletion(5_000);
    client.close();
  }
}
