package io.minicloud.tetherbridge.northbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.tls.Secret;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NorthboundOptionsTest {
  private static final String PASSWORD = "hunter2-very-secret";

  @Test
  void defaultsLetTheDemoRunWithOnlyABrokerAndANode() {
    NorthboundOptions o = NorthboundOptions.builder("tcp://127.0.0.1:1883", "demo").build();

    assertEquals(ProtocolVersion.AUTO, o.protocol());
    assertEquals("minicloud-demo-tether-bridge", o.clientId());
    assertEquals(32, o.inflightWindow());
    assertEquals(Duration.ofSeconds(30), o.keepAlive());
    assertEquals("minicloud/v1/demo", o.topicRoot().root());
    assertFalse(o.cleanStart());
    assertFalse(o.ssl());
  }

  @Test
  void thePasswordNeverShowsInToString() {
    // GIVEN options with a password and a PKCS#12 password
    NorthboundOptions o =
        NorthboundOptions.builder("ssl://broker:8883", "gw")
            .credentials("bridge", Secret.of(PASSWORD))
            .tls(
                TlsOptions.trusting(Path.of("/ca.pem"))
                    .withClientPkcs12(Path.of("/c.p12"), Secret.of(PASSWORD)))
            .build();

    // WHEN rendered as text (as a log line or an error would)
    String text = o.toString();

    // THEN the user name is there, the passwords are not
    assertTrue(text.contains("bridge"), text);
    assertFalse(text.contains(PASSWORD), text);
    assertTrue(text.contains("****"), text);
  }

  @Test
  void rejectsInconsistentSettingsWithClearMessages() {
    assertMessage("tcp:// or ssl://", () -> NorthboundOptions.builder("http://h:1", "gw").build());
    assertMessage("host and a port", () -> NorthboundOptions.builder("tcp://h", "gw").build());
    assertMessage(
        "not ssl://",
        () ->
            NorthboundOptions.builder("tcp://h:1883", "gw")
                .tls(TlsOptions.trusting(Path.of("/ca")))
                .build());
    assertMessage(
        "without a user name",
        () ->
            NorthboundOptions.builder("tcp://h:1883", "gw")
                .credentials(null, Secret.of("x"))
                .build());
    assertMessage(
        "must not carry credentials",
        () -> NorthboundOptions.builder("tcp://u:" + PASSWORD + "@h:1883", "gw").build());
    assertMessage("go together", () -> new TlsOptions(null, Path.of("/c.pem"), null, null, null));
    assertMessage(
        "not both",
        () -> new TlsOptions(null, Path.of("/c.pem"), Path.of("/k.pem"), Path.of("/c.p12"), null));
  }

  @Test
  void parsesProtocolSpellings() {
    assertEquals(ProtocolVersion.V5, ProtocolVersion.parse("5"));
    assertEquals(ProtocolVersion.V3_1_1, ProtocolVersion.parse("3.1.1"));
    assertEquals(ProtocolVersion.AUTO, ProtocolVersion.parse("auto"));
    assertMessage("use auto, 5 or 3.1.1", () -> ProtocolVersion.parse("4"));
  }

  private static void assertMessage(String expected, Runnable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
  }
}
