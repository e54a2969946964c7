package io.minicloud.mapper.mqtt;

import static io.minicloud.mapper.mqtt.peers.PeerDevices.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.Connection;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.logs.LogCapture;
import io.minicloud.mapper.api.peers.MosquittoPeer;
import io.minicloud.mapper.api.peers.PeerProcess;
import io.minicloud.mapper.api.peers.TestCertificates;
import io.minicloud.mapper.mqtt.peers.MosquittoClients;
import io.minicloud.mapper.mqtt.peers.PeerDevices;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS with a password file, and mutual TLS, against a real Mosquitto 2.0. */
@Tag("peer")
class MqttTlsIT {
  private static final Duration ARRIVAL = Duration.ofSeconds(10);

  @TempDir Path dir;
  private MosquittoPeer broker;
  private Connection connection;

  private MosquittoPeer start(MosquittoPeer.Mode mode) throws Exception {
    assumeTrue(MosquittoPeer.installed(), "mosquitto is not installed (apt-get install mosquitto)");
    assumeTrue(MosquittoClients.installed(), "apt-get install mosquitto-clients");
    assumeTrue(PeerProcess.onPath("openssl"), "openssl is not installed");
    broker = MosquittoPeer.start(dir.resolve("broker"), mode);
    return broker;
  }

  @AfterEach
  void stop() throws Exception {
    if (connection != null) {
      connection.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  /** Opens the plug's link, attaches, lets a real client publish, and reads the power. */
  private PointResult readOver(Map<String, Object> protocol) throws Exception {
    DeviceDriver plug = PeerDevices.plug("plug1", protocol);
    connection = plug.link().opener().open();
    LinkSession session = new MessageLinkSession(connection, 5000);
    plug.attach(session);
    MosquittoClients.of(broker)
        .publish("tele/plug1/STATE", "{\"ENERGY\": {\"Power\": 42.5}}", "-r");
    return await(plug, session, "power", PointResult::isOk, ARRIVAL);
  }

  @Test
  void readsOverTlsWithAPassword() throws Exception {
    // GIVEN a TLS broker with a password file, and the right CA, user and password
    start(MosquittoPeer.Mode.TLS_PASSWORD);

    // WHEN / THEN the plug reads what a real client publishes
    assertEquals(
        DoubleValue.of(42.5), readOver(PeerDevices.protocol(broker, "tele/plug1/STATE")).raw());
  }

  @Test
  void aWrongPasswordFailsClearlyWithoutThePassword() throws Exception {
    // GIVEN the TLS broker and a wrong password
    start(MosquittoPeer.Mode.TLS_PASSWORD);
    Map<String, Object> protocol = PeerDevices.protocol(broker, "tele/plug1/STATE");
    String wrong = "wrong-" + MosquittoPeer.PASSWORD;
    protocol.put("password", wrong);
    DeviceDriver plug = PeerDevices.plug("plug1", protocol);

    // WHEN the core opens the link, with every log record of ours and Paho's captured
    IOException e;
    List<String> logs;
    try (LogCapture capture = new LogCapture("io.minicloud.mapper.mqtt", "org.eclipse.paho")) {
      e = assertThrows(IOException.class, () -> plug.link().opener().open());
      logs = capture.lines();
    }

    // THEN no log line carries either password (and there were lines: Paho traces at FINE)
    assertFalse(logs.isEmpty());
    for (String line : logs) {
      assertFalse(line.contains(wrong) || line.contains(MosquittoPeer.PASSWORD), line);
    }
    // ... and the error names the broker and "not authorized", and neither password
    assertTrue(e.getMessage().contains(broker.uri()), e.getMessage());
    assertTrue(e.getMessage().contains("not authorized"), e.getMessage());
    assertTrue(e.getMessage().contains("user 'bridge'"), e.getMessage());
    assertFalse(e.getMessage().contains(wrong), e.getMessage());
    assertFalse(e.getMessage().contains(MosquittoPeer.PASSWORD), e.getMessage());
    // ... and auto did not retry with 3.1.1: a refused login is not a version problem
    assertFalse(e.getMessage().contains("3.1.1"), e.getMessage());
  }

  @Test
  void anUntrustedBrokerCertificateFailsTheHandshake() throws Exception {
    // GIVEN the TLS broker and a CA that did not sign its certificate
    start(MosquittoPeer.Mode.TLS_PASSWORD);
    TestCertificates stranger = TestCertificates.create(dir.resolve("other-pki"));
    Map<String, Object> protocol = PeerDevices.protocol(broker, "tele/plug1/STATE");
    protocol.put("caFile", stranger.caCert().toString());

    // WHEN / THEN opening fails in the TLS handshake, saying what to check
    IOException e =
        assertThrows(
            IOException.class, () -> PeerDevices.plug("plug1", protocol).link().opener().open());
    assertTrue(e.getMessage().contains("TLS handshake failed"), e.getMessage());
    assertTrue(e.getMessage().contains("caFile"), e.getMessage());
  }

  @Test
  void readsOverMutualTlsWithPemFiles() throws Exception {
    // GIVEN a broker that requires a client certificate, and the PEM certificate and key
    start(MosquittoPeer.Mode.MUTUAL_TLS);

    // WHEN / THEN the plug reads
    assertEquals(
        DoubleValue.of(42.5), readOver(PeerDevices.protocol(broker, "tele/plug1/STATE")).raw());
  }

  @Test
  void readsOverMutualTlsWithAPkcs1KeyFromOpenssl() throws Exception {
    // GIVEN the client key rewritten by openssl in the traditional PKCS#1 form
    start(MosquittoPeer.Mode.MUTUAL_TLS);
    Path pkcs1 = dir.resolve("client-pkcs1.key");
    PeerProcess.run(
        dir,
        "openssl",
        "rsa",
        "-in",
        broker.certificates().clientKey().toString(),
        "-out",
        pkcs1.toString(),
        "-traditional");
    Map<String, Object> protocol = PeerDevices.protocol(broker, "tele/plug1/STATE");
    protocol.put("clientKeyFile", pkcs1.toString());

    // WHEN / THEN the plug reads
    assertTrue(java.nio.file.Files.readString(pkcs1).contains("BEGIN RSA PRIVATE KEY"));
    assertEquals(DoubleValue.of(42.5), readOver(protocol).raw());
  }

  @Test
  void readsOverMutualTlsWithAPkcs12KeyStore() throws Exception {
    // GIVEN the client identity as a PKCS#12 key store instead of PEM files
    start(MosquittoPeer.Mode.MUTUAL_TLS);
    Map<String, Object> protocol = PeerDevices.protocol(broker, "tele/plug1/STATE");
    protocol.remove("clientCertFile");
    protocol.remove("clientKeyFile");
    protocol.put("keyStore", broker.certificates().clientP12().toString());
    protocol.put("keyStorePassword", TestCertificates.STORE_PASSWORD);

    // WHEN / THEN the plug reads
    assertEquals(DoubleValue.of(42.5), readOver(protocol).raw());
  }

  @Test
  void withoutAClientCertificateMutualTlsRefusesTheConnection() throws Exception {
    // GIVEN the mutual-TLS broker and no client identity
    start(MosquittoPeer.Mode.MUTUAL_TLS);
    Map<String, Object> protocol = PeerDevices.protocol(broker, "tele/plug1/STATE");
    protocol.remove("clientCertFile");
    protocol.remove("clientKeyFile");

    // WHEN / THEN opening fails, naming the broker
    IOException e =
        assertThrows(
            IOException.class, () -> PeerDevices.plug("plug1", protocol).link().opener().open());
    assertTrue(e.getMessage().contains(broker.uri()), e.getMessage());
  }
}
