package io.minicloud.tetherbridge.northbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.peers.MosquittoPeer;
import io.minicloud.mapper.api.peers.MosquittoPeer.Mode;
import io.minicloud.mapper.api.peers.PeerProcess;
import io.minicloud.mapper.api.peers.TestCertificates;
import io.minicloud.mapper.api.tls.Secret;
import io.minicloud.tetherbridge.store.DurableQueue;
import io.minicloud.tetherbridge.store.DurableQueueOptions;
import io.minicloud.tetherbridge.store.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole northbound pipeline (queue, forwarder, sink) against a real Mosquitto. */
@Tag("peer")
class NorthboundPublishIT {
  private static final ReconnectOptions QUICK =
      new ReconnectOptions(Duration.ofMillis(100), Duration.ofMillis(500), 2);

  @TempDir Path dir;
  private MosquittoPeer broker;

  @BeforeAll
  static void mosquittoIsInstalled() {
    assertTrue(
        MosquittoPeer.installed(),
        "mosquitto is missing: apt-get install mosquitto mosquitto-clients (shared/PEERS.md)");
  }

  @AfterEach
  void stopBroker() throws InterruptedException {
    if (broker != null) {
      broker.close();
    }
  }

  private NorthboundOptions.Builder options(String uri) {
    return NorthboundOptions.builder(uri, "gw").reconnect(QUICK);
  }

  @Test
  void aPlainBrokerGetsEveryMessageInOrderWithMqtt5() throws Exception {
    broker = MosquittoPeer.start(dir.resolve("broker"), Mode.PLAIN);
    publishAndReceive(options(broker.uri()).build(), ProtocolVersion.V5);
  }

  @Test
  void mqtt311WorksWhenForced() throws Exception {
    broker = MosquittoPeer.start(dir.resolve("broker"), Mode.PLAIN);
    publishAndReceive(
        options(broker.uri()).protocol(ProtocolVersion.V3_1_1).build(), ProtocolVersion.V3_1_1);
  }

  @Test
  void tlsWithAPasswordAndAPemCa() throws Exception {
    broker = MosquittoPeer.start(dir.resolve("broker"), Mode.TLS_PASSWORD);
    NorthboundOptions o =
        options(broker.uri())
            .credentials(MosquittoPeer.USER, Secret.of(MosquittoPeer.PASSWORD))
            .tls(TlsOptions.trusting(broker.certificates().caCert()))
            .build();
    publishAndReceive(o, ProtocolVersion.V5);
  }

  @Test
  void mutualTlsWithAPemCertificateAndKey() throws Exception {
    broker = MosquittoPeer.start(dir.resolve("broker"), Mode.MUTUAL_TLS);
    TestCertificates certs = broker.certificates();
    NorthboundOptions o =
        options(broker.uri())
            .tls(
                TlsOptions.trusting(certs.caCert())
                    .withClientPem(certs.clientCert(), certs.clientKey()))
            .build();
    publishAndReceive(o, ProtocolVersion.V5);
  }

  @Test
  void mutualTlsWithATraditionalRsaKeyOverMqtt311() throws Exception {
    // GIVEN the client key in the older PKCS#1 form ("BEGIN RSA PRIVATE KEY")
    broker = MosquittoPeer.start(dir.resolve("broker"), Mode.MUTUAL_TLS);
    TestCertificates certs = broker.certificates();
    Path rsaKey = dir.resolve("client-rsa.key");
    PeerProcess.run(
        dir,
        "openssl",
        "rsa",
        "-in",
        certs.clientKey().toString(),
        "-traditional",
        "-out",
        rsaKey.toString());
    NorthboundOptions o =
        options(broker.uri())
            .protocol(ProtocolVersion.V3_1_1)
            .tls(TlsOptions.trusting(certs.caCert()).withClientPem(certs.clientCert(), rsaKey))
            .build();
    publishAndReceive(o, ProtocolVersion.V3_1_1);
  }

  @Test
  void mutualTlsWithAPkcs12KeyStore() throws Exception {
    broker = MosquittoPeer.start(dir.resolve("broker"), Mode.MUTUAL_TLS);
    TestCertificates certs = broker.certificates();
    NorthboundOptions o =
        options(broker.uri())
            .tls(
                TlsOptions.trusting(certs.caCert())
                    .withClientPkcs12(
                        certs.clientP12(), Secret.of(TestCertificates.STORE_PASSWORD)))
            .build();
    publishAndReceive(o, ProtocolVersion.V5);
  }

  @Test
  void aWrongPasswordIsAClearErrorThatNeverShowsThePassword() throws Exception {
    // GIVEN a TLS broker with a password file, and a sink with the wrong password
    broker = MosquittoPeer.start(dir.resolve("broker"), Mode.TLS_PASSWORD);
    String wrong = "not-the-" + MosquittoPeer.PASSWORD;
    NorthboundOptions o =
        options(broker.uri())
            .credentials(MosquittoPeer.USER, Secret.of(wrong))
            .tls(TlsOptions.trusting(broker.certificates().caCert()))
            .build();
    try (MqttSink sink = new MqttSink(o)) {
      // WHEN it tries to connect
      sink.start();
      Waiting.until("a refusal", () -> sink.connectFailures() >= 1);

      // THEN it is not connected and says why, naming the broker, not the password
      assertFalse(sink.awaitConnected(Duration.ofMillis(300)));
      String error = sink.lastError().orElseThrow();
      assertTrue(error.contains(broker.uri()), error);
      assertTrue(error.contains("the broker refused the login"), error);
      assertFalse(error.contains(wrong), error);
      assertFalse(error.contains(MosquittoPeer.PASSWORD), error);
    }
  }

  @Test
  void theBrokersHostNameIsChecked() throws Exception {
    // GIVEN a TLS broker whose certificate names 127.0.0.1 and localhost, reached as 127.0.0.2
    broker = MosquittoPeer.start(dir.resolve("broker"), Mode.TLS_PASSWORD);
    try (LoopbackProxy proxy = new LoopbackProxy("127.0.0.2", broker.port())) {
      NorthboundOptions o =
          options("ssl://127.0.0.2:" + proxy.port())
              .credentials(MosquittoPeer.USER, Secret.of(MosquittoPeer.PASSWORD))
              .tls(TlsOptions.trusting(broker.certificates().caCert()))
              .build();
      try (MqttSink sink = new MqttSink(o)) {
        // WHEN the sink connects through that address
        sink.start();
        Waiting.until("a failure", () -> sink.connectFailures() >= 1);

        // THEN the handshake fails on the name, though the CA is trusted
        assertFalse(sink.isConnected());
        String error = sink.lastError().orElseThrow();
        assertTrue(error.contains("TLS handshake failed"), error);
        assertTrue(error.contains("127.0.0.2"), error);
      }
    }
  }

  @Test
  void aBrokerSignedByAnUntrustedCaIsRefused() throws Exception {
    // GIVEN a TLS broker with a private CA, and a sink trusting only the JVM's CAs
    broker = MosquittoPeer.start(dir.resolve("broker"), Mode.TLS_PASSWORD);
    NorthboundOptions o =
        options(broker.uri())
            .credentials(MosquittoPeer.USER, Secret.of(MosquittoPeer.PASSWORD))
            .build();
    try (MqttSink sink = new MqttSink(o)) {
      // WHEN it connects
      sink.start();
      Waiting.until("a failure", () -> sink.connectFailures() >= 1);

      // THEN the TLS handshake fails and says so
      String error = sink.lastError().orElseThrow();
      assertTrue(error.contains("TLS handshake failed"), error);
      assertFalse(sink.isConnected());
    }
  }

  /** Three messages through queue, forwarder and sink; a subscriber must get all, in order. */
  private void publishAndReceive(NorthboundOptions options, ProtocolVersion expected)
      throws Exception {
    try (TestSubscriber subscriber =
            new TestSubscriber(broker, "observer", false, "minicloud/v1/gw/#");
        DurableQueue queue = new DurableQueue(dir.resolve("data"), DurableQueueOptions.DEFAULTS);
        MqttSink sink = new MqttSink(options);
        Forwarder forwarder = new Forwarder(queue, sink)) {
      // GIVEN three queued readings
      TopicRoot root = options.topicRoot();
      for (int n = 1; n <= 3; n++) {
        queue.offer(
            OutboundMessage.of(
                "pump", root.state("pump"), ("" + n).getBytes(StandardCharsets.UTF_8)));
      }

      // WHEN the pipeline runs
      forwarder.start();
      sink.start();
      assertTrue(
          sink.awaitConnected(Duration.ofSeconds(20)),
          "not connected: " + sink.lastError().orElse("?"));
      Waiting.until("the queue drained", () -> queue.depthMessages() == 0);
      Waiting.until("three received", () -> subscriber.received.size() >= 3);

      // THEN the broker confirmed all three and the subscriber got them in order
      assertEquals(expected, sink.protocol().orElseThrow());
      assertEquals(3, forwarder.confirmed());
      String topic = root.state("pump");
      assertEquals(List.of(topic + " 1", topic + " 2", topic + " 3"), subscriber.received);
    }
  }
}
