package io.minicloud.tetherbridge.northbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad TLS files fail at construction, naming the file; the good paths run in NorthboundPublishIT.
 */
class TlsContextsTest {
  @TempDir Path dir;

  @Test
  void socketsSpeakOnlyTls12Or13AndCheckTheHostName() throws Exception {
    // GIVEN the socket factory for the JVM's trust store
    var factory = TlsContexts.socketFactory(TlsOptions.JVM_DEFAULTS);

    // WHEN Paho asks it for a socket
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

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TlsContexts.socketFactory(TlsOptions.trusting(missing)));

    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void aFileThatIsNotPemSaysSo() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "hello, I am a certificate");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TlsContexts.socketFactory(TlsOptions.trusting(ca)));

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
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TlsContexts.socketFactory(TlsOptions.JVM_DEFAULTS.withClientPem(cert, key)));

    // THEN the error names the key file and says how to fix it
    assertTrue(e.getMessage().contains(key + " holds an encrypted key"), e.getMessage());
  }

  @Test
  void aWrongKeyStorePasswordIsReportedWithoutThePassword() throws Exception {
    // GIVEN a PKCS#12 file that is not one, and its "password"
    Path p12 = Files.write(dir.resolve("c.p12"), new byte[] {0x30, 0x03, 0x02, 0x01, 0x03});
    String password = "my-keystore-secret";

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TlsContexts.socketFactory(
                    TlsOptions.JVM_DEFAULTS.withClientPkcs12(p12, Secret.of(password))));

    assertTrue(e.getMessage().contains(p12.toString()), e.getMessage());
    assertFalse(e.getMessage().contains(password), e.getMessage());
  }
}
