package io.minicloud.mapper.api.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.peers.TestCertificates;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real handshakes against an in-JVM server that presents openssl's server certificate (for
 * 127.0.0.1 and localhost) and requires a client certificate from the same CA.
 */
class TlsHandshakeTest {
  @TempDir Path dir;
  private final ExecutorService serverThread = Executors.newSingleThreadExecutor();
  private TestCertificates pki;
  private SSLServerSocket server;

  @BeforeEach
  void startServer() throws Exception {
    pki = OpensslPki.certificates();
    var serverIdentity = new ClientIdentity.PemCertificateAndKey(pki.serverCert(), pki.serverKey());
    server =
        (SSLServerSocket)
            TlsContexts.sslContext(Optional.of(pki.caCert()), Optional.of(serverIdentity))
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    server.setNeedClientAuth(true);
  }

  @AfterEach
  void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
    serverThread.shutdownNow();
  }

  /** Accepts one connection, sends one byte, and returns the client certificate's subject. */
  private Future<String> acceptOne() {
    return serverThread.submit(
        () -> {
          try (SSLSocket socket = (SSLSocket) server.accept()) {
            socket.startHandshake();
            socket.getOutputStream().write(1);
            socket.getOutputStream().flush();
            var client = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            return client.getSubjectX500Principal().getName();
          }
        });
  }

  private String connect(ClientIdentity identity) throws Exception {
    Future<String> seen = acceptOne();
    SSLSocketFactory factory =
        TlsContexts.socketFactory(Optional.of(pki.caCert()), Optional.of(identity));
    try (Socket socket = factory.createSocket("127.0.0.1", server.getLocalPort())) {
      // reading the server's byte completes the handshake, TLS 1.3's client certificate included
      assertEquals(1, socket.getInputStream().read());
    }
    return seen.get(10, TimeUnit.SECONDS);
  }

  @Test
  void mutualTlsWithPemFiles() throws Exception {
    // GIVEN the client's PEM certificate and key WHEN it connects THEN the server sees who it is
    assertEquals(
        "CN=" + TestCertificates.CLIENT_IDENTITY,
        connect(new ClientIdentity.PemCertificateAndKey(pki.clientCert(), pki.clientKey())));
  }

  @Test
  void mutualTlsWithAPkcs1Key() throws Exception {
    Path pkcs1 = OpensslPki.pkcs1Copy(pki.clientKey(), dir);
    assertEquals(
        "CN=" + TestCertificates.CLIENT_IDENTITY,
        connect(new ClientIdentity.PemCertificateAndKey(pki.clientCert(), pkcs1)));
  }

  @Test
  void mutualTlsWithAPkcs12KeyStore() throws Exception {
    Secret password = Secret.of(TestCertificates.STORE_PASSWORD);
    assertEquals(
        "CN=" + TestCertificates.CLIENT_IDENTITY,
        connect(new ClientIdentity.Pkcs12KeyStore(pki.clientP12(), Optional.of(password))));
  }

  @Test
  void aHostNameTheCertificateDoesNotNameFailsTheHandshake() throws Exception {
    // GIVEN a trusted server reached under a name its certificate does not carry
    acceptOne();
    SSLSocketFactory factory =
        TlsContexts.socketFactory(Optional.of(pki.caCert()), Optional.empty());
    try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        SSLSocket tls =
            (SSLSocket) factory.createSocket(tcp, "broker.example", server.getLocalPort(), true)) {
      // WHEN / THEN the client refuses it
      SSLHandshakeException e = assertThrows(SSLHandshakeException.class, tls::startHandshake);
      assertTrue(e.getMessage().contains("broker.example"), e.getMessage());
    }
  }

  @Test
  void aServerFromAnotherCaFailsTheHandshake() throws Exception {
    // GIVEN a client that trusts only the JVM's CAs
    acceptOne();
    SSLSocketFactory factory = TlsContexts.socketFactory(Optional.empty(), Optional.empty());
    try (SSLSocket tls = (SSLSocket) factory.createSocket("127.0.0.1", server.getLocalPort())) {
      // WHEN / THEN the test CA's server certificate is refused
      assertThrows(SSLHandshakeException.class, tls::startHandshake);
    }
  }
}
