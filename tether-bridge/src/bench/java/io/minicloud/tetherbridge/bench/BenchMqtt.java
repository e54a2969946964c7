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

/** The benches' MQTT subscriber: a bare Paho v5 client, independent of the bridge's code. */
final class BenchMqtt {
  private BenchMqtt() {}

  /** What a bench does with one message; {@code nanos} is {@code System.nanoTime()} at arrival. */
  @FunctionalInterface
  interface Handler {
    void arrived(String topic, byte[] payload, long nanos) throws Exception;
  }

  /** Connects (clean start), subscribes to {@code filter} at QoS 1 and waits for both. */
  static MqttAsyncClient subscribe(String uri, String clientId, String filter, Handler handler)
      throws MqttException {
    MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
    client.setCallback(
        new MqttCallback() {
          @Override
          public void messageArrived(String topic, MqttMessage message) throws Exception {
            handler.arrived(topic, message.getPayload(), System.nanoTime());
          }

          @Override
          public void disconnected(MqttDisconnectResponse response) {
            System.err.println(clientId + ": disconnected: " + response);
          }

          @Override
          public void mqttErrorOccurred(MqttException e) {
            System.err.println(clientId + ": " + e);
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
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setReceiveMaximum(65535);
    client.connect(options).waitForCompletion(10_000);
    client.subscribe(filter, 1).waitForCompletion(10_000);
    return client;
  }
}
