package io.minicloud.tetherbridge.northbound;

import io.minicloud.mapper.api.peers.MosquittoPeer;
import io.minicloud.mapper.api.peers.TestCertificates;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The other side of the northbound broker in *IT tests: a plain Paho 3.1.1 client that records what
 * arrives. Its TLS comes from the PKCS#12 files through the JDK alone, so it does not share the
 * code under test. With a kept session it reconnects by itself within a second, and the broker
 * queues for it meanwhile.
 */
final class TestSubscriber implements AutoCloseable {
  final List<String> received = new CopyOnWriteArrayList<>();
  private final MqttClient client;

  TestSubscriber(MosquittoPeer broker, String clientId, boolean keepSession, String... filters)
      throws Exception {
    client = new MqttClient(broker.uri(), clientId, new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setCleanSession(!keepSession);
    o.setAutomaticReconnect(true);
    o.setMaxReconnectDelay(1_000);
    o.setMaxInflight(1_000);
    if (broker.mode() != MosquittoPeer.Mode.PLAIN) {
      o.setSocketFactory(sslContext(broker).getSocketFactory());
    }
    if (broker.mode() == MosquittoPeer.Mode.TLS_PASSWORD) {
      o.setUserName(MosquittoPeer.USER);
      o.setPassword(MosquittoPeer.PASSWORD.toCharArray());
    }
    client.setCallback(
        new org.eclipse.paho.client.mqttv3.MqttCallbackExtended() {
          @Override
          public void connectComplete(boolean reconnect, String serverUri) {
            // the kept session brings the subscription back with it
          }

          @Override
          public void connectionLost(Throwable cause) {
            // Paho reconnects on its own (automatic reconnect is fine for a test's observer)
          }

          @Override
          public void messageArrived(
              String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
            received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
          }

          @Override
          public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            // this client only subscribes
          }
        });
    client.connect(o);
    int[] qos = new int[filters.length];
    java.util.Arrays.fill(qos, 1);
    client.subscribe(filters, qos, null);
  }

  boolean isConnected() {
    return client.isConnected();
  }

  static SSLContext sslContext(MosquittoPeer broker) throws Exception {
    TestCertificates certs = broker.certificates();
    char[] password = TestCertificates.STORE_PASSWORD.toCharArray();
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(certs.trustP12())) {
      trust.load(in, password);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    KeyManagerFactory kmf = null;
    if (broker.mode() == MosquittoPeer.Mode.MUTUAL_TLS) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(certs.clientP12())) {
        keys.load(in, password);
      }
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, password);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect(1_000);
      }
      client.close(true);
    } catch (MqttException e) {
      System.err.println("test subscriber close: " + e);
    }
  }
}
