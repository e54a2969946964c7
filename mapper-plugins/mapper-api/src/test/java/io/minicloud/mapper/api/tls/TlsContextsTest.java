package io.minicloud.mapper.api.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.peers.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad TLS files fail when the factory is built, naming the file; handshakes: TlsHandshakeTest. */
class TlsContextsTest {
  @TempDir Path dir;

  private static String failure(Optional<Path> caFile, ClientIdentity identity) {
    return assertThrows(
            IOException.class, () -> TlsContexts.socketFactory(caFile, Optional.of(identity)))
        .getMessage();
  }

  @Test
  void socketsSpeakOnlyTls12Or13AndCheckTheHostName() throws Exception {
    // GIVEN the socket factory for the JVM's trust store
    var factory = TlsContexts.socketFactory(Optional.empty(), Optional.empty());

    // WHEN a client asks it for a socket
    try (SSLSocket socket = (SSLSocket) factory.createSocket()) {
      // THEN older protocols are off and the HTTPS host name rules apply
      assertEquals(
          Set.of("TLSv1.3", "TLSv1.2"), Set.copyOf(Arrays.asList(socket.getEnabledProtocols())));
      assertEquals("HTTPS", socket.getSSLParameters().getEndpointIdentificationAlgorithm());
    }
  }

  @Test
  void aMissingCaFileIsNamed() {
    Path missing = dir.resolve("nope/ca.pem");

    IOException e =
        assertThrows(
            IOException.class,
            () -> TlsContexts.socketFactory(Optional.of(missing), Optional.empty()));

    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void aFileThatIsNotPemSaysSo() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "hello, I am a certificate");

    IOException e =
        assertThrows(
            IOException.class, () -> TlsContexts.socketFactory(Optional.of(ca), Optional.empty()));

    assertTrue(e.getMessage().contains("is not a PEM file"), e.getMessage());
  }

  @Test
  void anEncryptedKeyIsRefusedWithAWayOut() throws Exception {
    // GIVEN the JVM's CAs and a client key in encrypted PKCS#8
    Path cert =
        Files.writeString(
            dir.resolve("c.pem"), "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n");
    Path key =
        Files.writeString(
            dir.resolve("k.pem"),
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n");

    // WHEN the TLS setup reads them
    String message = failure(Optional.empty(), new ClientIdentity.PemCertificateAndKey(cert, key));

    // THEN the error names the key file and says how to fix it
    assertTrue(message.contains(key + " holds an encrypted key"), message);
  }

  @Test
  void aWrongKeyStorePasswordIsReportedWithoutThePassword() throws Exception {
    // GIVEN a PKCS#12 file that is not one, and its "password"
    Path p12 = Files.write(dir.resolve("c.p12"), new byte[] {0x30, 0x03, 0x02, 0x01, 0x03});
    String password = "my-keystore-secret";

    String message =
        failure(
            Optional.empty(),
            new ClientIdentity.Pkcs12KeyStore(p12, Optional.of(Secret.of(password))));

    assertTrue(message.contains(p12.toString()), message);
    assertFalse(message.contains(password), message);
  }

  @Test
  void aRealKeyStoreWithTheWrongPasswordSaysSoWithoutEitherPassword() throws Exception {
    // GIVEN openssl's PKCS#12 client identity and a wrong password
    TestCertificates pki = OpensslPki.certificates();
    String wrong = "wrong-" + TestCertificates.STORE_PASSWORD;

    // WHEN the TLS setup reads it
    String message =
        failure(
            Optional.empty(),
            new ClientIdentity.Pkcs12KeyStore(pki.clientP12(), Optional.of(Secret.of(wrong))));

    // THEN the file and the reason are named, neither password
    assertTrue(message.startsWith("cannot read PKCS#12 key store " + pki.clientP12()), message);
    assertTrue(message.contains("password"), message);
    assertFalse(message.contains(wrong), message);
    assertFalse(message.contains(TestCertificates.STORE_PASSWORD), message);
  }
}
