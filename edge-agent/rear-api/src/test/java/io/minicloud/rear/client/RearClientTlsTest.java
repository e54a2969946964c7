package io.minicloud.rear.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.rear.client.RearException.Kind;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS as our provider serves it: a self-signed certificate made by keytool, trusted by pin or as
 * a CA file; a bearer token over TLS only; a client certificate for mutual TLS.
 */
class RearClientTlsTest {

  private static final String TOKEN = "s3cr3t-t0ken-never-shown";

  @TempDir static Path dir;
  private static TestPki server;
  private static TestPki buyer;
  private GoNodeStandIn node;

  @BeforeAll
  static void certificates() throws Exception {
    server = TestPki.generate(dir, "provider");
    buyer = TestPki.generate(dir, "buyer");
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private RearClientOptions.Builder https(boolean needClientAuth) throws Exception {
    node =
        GoNodeStandIn.https(
            server.serverContext(needClientAuth ? List.of(buyer.certificate()) : List.of()),
            needClientAuth);
    return RearClientOptions.builder(URI.create(node.url()));
  }

  @Test
  void aMatchingPinIsTrustedAndTheTokenIsSent() throws Exception {
    RearClient client =
        new RearClient(
            https(false)
                .trust(new RearTrust.Pin(CertificatePin.of(server.certificate())))
                .token(BearerToken.of(TOKEN))
                .build());

    assertEquals(2, client.listFlavors(null, null).size());
    assertEquals("Bearer " + TOKEN, node.last().authorization());
  }

  @Test
  void aWrongPinFailsNamingBothFingerprints() throws Exception {
    CertificatePin wrong = CertificatePin.of(buyer.certificate());
    RearClient client = new RearClient(https(false).trust(new RearTrust.Pin(wrong)).build());

    RearException e = assertThrows(RearException.class, () -> client.listFlavors(null, null));

    assertEquals(Kind.UNREACHABLE, e.kind());
    assertEquals(
        "TLS with "
            + node.authority()
            + " failed: the server's certificate is "
            + CertificatePin.of(server.certificate())
            + ", not the pinned "
            + wrong
            + "; if the provider's certificate changed, pin the new one",
        e.getMessage());
    assertTrue(node.received.isEmpty(), "no request may pass a failed handshake");
  }

  @Test
  void anUntrustedCertificateFailsWithWhatToDo() throws Exception {
    RearClient client = new RearClient(https(false).build());

    RearException e = assertThrows(RearException.class, () -> client.listFlavors(null, null));

    assertEquals(Kind.UNREACHABLE, e.kind());
    assertEquals(
        "the certificate of "
            + node.authority()
            + " is not trusted (it presented "
            + CertificatePin.of(server.certificate())
            + "): give its CA file, or pin its SHA-256 fingerprint after checking it"
            + " with the provider's operator",
        e.getMessage());
  }

  @Test
  void theCertificateAsCaFileIsTrusted() throws Exception {
    RearClient client =
        new RearClient(https(false).trust(new RearTrust.CaFile(server.certificatePem())).build());

    assertEquals(2, client.listFlavors(null, null).size());
  }

  @Test
  void aCaTrustedCertificateForAnotherNameIsRefused() throws Exception {
    // GIVEN a certificate that names another host only, trusted as a CA file
    TestPki elsewhere = TestPki.generate(dir, "elsewhere", "dns:other.example");
    node = GoNodeStandIn.https(elsewhere.serverContext(List.of()), false);
    RearClient client =
        new RearClient(
            RearClientOptions.builder(URI.create(node.url()))
                .trust(new RearTrust.CaFile(elsewhere.certificatePem()))
                .build());

    RearException e = assertThrows(RearException.class, () -> client.listFlavors(null, null));

    assertEquals(Kind.UNREACHABLE, e.kind());
    assertEquals(
        "the certificate of "
            + node.authority()
            + " does not name that address (it presented "
            + CertificatePin.of(elsewhere.certificate())
            + "): dial the name it carries, or pin the certificate",
        e.getMessage());
  }

  @Test
  void aClientCertificateOpensAProviderThatAsksForOne() throws Exception {
    RearClientOptions.Builder options =
        https(true).trust(new RearTrust.Pin(CertificatePin.of(server.certificate())));
    RearClient without = new RearClient(options.build());
    RearClient with =
        new RearClient(
            options
                .clientCertificate(new ClientCertificate(buyer.certificatePem(), buyer.keyPem()))
                .build());

    RearException refused =
        assertThrows(RearException.class, () -> without.listFlavors(null, null));
    assertEquals(Kind.UNREACHABLE, refused.kind());
    assertEquals(
        node.authority()
            + " closed the connection without answering; if the provider requires a client"
            + " certificate, give one",
        refused.getMessage());
    assertEquals(2, with.listFlavors(null, null).size());
  }

  @Test
  void aTokenIsRefusedOverPlainHttpUnlessAllowed() throws Exception {
    node = GoNodeStandIn.http();
    RearClientOptions.Builder plain =
        RearClientOptions.builder(URI.create(node.url())).token(BearerToken.of(TOKEN));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, plain::build);
    assertTrue(e.getMessage().startsWith("refusing to send the bearer token over plain http://"));
    assertFalse(e.getMessage().contains(TOKEN));

    new RearClient(plain.allowTokenOverPlainHttp(true).build()).listFlavors(null, null);
    assertEquals("Bearer " + TOKEN, node.last().authorization());
  }

  @Test
  void theTokenNeverShowsInMessagesOrLogsEvenWhenThePeerEchoesIt() throws Exception {
    // GIVEN a provider whose error echoes the token it refused, and every JDK log record captured
    RearClientOptions options =
        https(false)
            .trust(new RearTrust.Pin(CertificatePin.of(server.certificate())))
            .token(BearerToken.of(TOKEN))
            .build();
    node.mode = GoNodeStandIn.Mode.SCRIPTED;
    node.script =
        new GoNodeStandIn.Script(
            401, "application/json", "{\"error\":\"token " + TOKEN + " is not valid\"}");
    List<String> logged = new ArrayList<>();
    Handler capture = capture(logged);
    Logger root = Logger.getLogger("");
    Level before = root.getLevel();
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    RearException e;
    try {
      // WHEN the call fails
      e = assertThrows(RearException.class, () -> new RearClient(options).listFlavors(null, null));
    } finally {
      root.removeHandler(capture);
      root.setLevel(before);
    }

    // THEN the token was sent, and is in no message, cause, log record or toString
    assertEquals("Bearer " + TOKEN, node.last().authorization());
    assertEquals(Kind.UNAUTHORIZED, e.kind());
    assertTrue(e.getMessage().contains("(401: token **** is not valid)"), e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(TOKEN), t.toString());
    }
    assertFalse(String.join("\n", logged).contains(TOKEN));
    assertFalse(options.toString().contains(TOKEN), options.toString());
  }

  @Test
  void anUnreadableCaFileIsNamed() {
    Path missing = dir.resolve("missing.pem");
    RearClientOptions options =
        RearClientOptions.builder(URI.create("https://127.0.0.1:8443"))
            .trust(new RearTrust.CaFile(missing))
            .build();

    Exception e = assertThrows(java.io.IOException.class, () -> new RearClient(options));

    assertTrue(e.getMessage().contains("missing.pem"), e.getMessage());
  }

  @Test
  void aSec1KeySaysHowToConvertIt() throws Exception {
    Path key = dir.resolve("ec.key");
    Files.writeString(key, "-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----\n");

    Exception e = assertThrows(java.io.IOException.class, () -> PemReader.privateKey(key));

    assertTrue(e.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), e.getMessage());
  }

  @Test
  void pinsParseInTheCommonForms() throws Exception {
    CertificatePin pin = CertificatePin.of(server.certificate());
    String hex = pin.toString().substring("sha256:".length());
    String colons = hex.toUpperCase().replaceAll("(..)(?!$)", "$1:");

    assertEquals(pin, CertificatePin.parse("sha256:" + hex));
    assertEquals(pin, CertificatePin.parse(colons));
    assertThrows(IllegalArgumentException.class, () -> CertificatePin.parse("sha256:abc"));
    assertThrows(IllegalArgumentException.class, () -> CertificatePin.parse("sha256/AAAA"));
  }

  private static Handler capture(List<String> into) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        into.add(record.getLoggerName() + " " + record.getMessage() + " " + record.getThrown());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
