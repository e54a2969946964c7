package io.minicloud.tetherbridge.northbound;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.tls.TlsSocketFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options hand their files to mapper-api's TLS code, tested there file by file and handshake by
 * handshake; here, what the northbound makes of it. The good paths run in NorthboundPublishIT.
 */
class TlsOptionsTest {
  @TempDir Path dir;

  @Test
  void theBrokerSocketsComeFromTheSharedHardenedFactory() {
    // GIVEN the JVM's trust store WHEN the connector builds its factory THEN it is TLS 1.2+ with
    // the broker's host name checked (what TlsSocketFactory guarantees)
    assertInstanceOf(TlsSocketFactory.class, TlsOptions.JVM_DEFAULTS.socketFactory());
  }

  @Test
  void aBadFileFailsTheSetupNamingTheFile() throws Exception {
    // GIVEN a CA file that is not PEM
    Path ca = Files.writeString(dir.resolve("ca.pem"), "hello, I am a certificate");

    // WHEN the connector builds its socket factory
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TlsOptions.trusting(ca).socketFactory());

    // THEN the northbound's message carries the file and what is wrong with it
    assertTrue(e.getMessage().startsWith("TLS setup for the northbound broker failed"));
    assertTrue(e.getMessage().contains(ca + " is not a PEM file"), e.getMessage());
  }
}
