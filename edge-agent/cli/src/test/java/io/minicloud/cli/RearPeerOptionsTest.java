package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.rear.client.CertificatePin;
import io.minicloud.rear.client.GoNodeStandIn;
import io.minicloud.rear.client.TestPki;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options the REAR commands share: the peer's address, trust and token. */
class RearPeerOptionsTest {

  private static final String TOKEN = "cli-t0ken-never-shown";

  @TempDir Path dir;
  private GoNodeStandIn node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void peerAddressesDefaultToOurHttpsPort() {
    assertEquals(URI.create("https://gw:8443"), PeerAddress.parse("gw", false).baseUri());
    assertEquals(URI.create("https://gw:9443"), PeerAddress.parse("gw:9443", false).baseUri());
    assertEquals(
        URI.create("http://10.0.0.5:30001"), PeerAddress.parse("10.0.0.5:30001", true).baseUri());
    assertTrue(PeerAddress.parse("http://10.0.0.5:30001", false).plainHttp());
    assertEquals("[::1]:8443", PeerAddress.parse("https://[::1]", false).authority());
    assertThrows(IllegalArgumentException.class, () -> PeerAddress.parse("http://node", false));
    assertThrows(IllegalArgumentException.class, () -> PeerAddress.parse("ftp://node:1", false));
    assertThrows(IllegalArgumentException.class, () -> PeerAddress.parse("https://n:1", true));
  }

  @Test
  void aPinnedHttpsProviderGetsTheTokenAndNoWarning() throws Exception {
    // GIVEN our provider's transport: HTTPS with a self-signed certificate, a token file
    TestPki pki = TestPki.generate(dir, "provider");
    node = GoNodeStandIn.https(pki.serverContext(List.of()), false);
    Path token = dir.resolve("token");
    Files.writeString(token, TOKEN + "\n");

    CliRun run =
        CliRun.of(
            "flavors",
            "--peer",
            node.authority(),
            "--pin",
            CertificatePin.of(pki.certificate()).toString(),
            "--token-file",
            token.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    assertEquals("Bearer " + TOKEN, node.last().authorization());
  }

  @Test
  void anUntrustedProviderIsOneLineWithWhatToDo() throws Exception {
    TestPki pki = TestPki.generate(dir, "provider");
    node = GoNodeStandIn.https(pki.serverContext(List.of()), false);

    CliRun run = CliRun.of("flavors", "--peer", node.url());

    assertEquals(1, run.exitCode());
    assertEquals(
        "minicloud flavors: the certificate of "
            + node.authority()
            + " is not trusted (it presented "
            + CertificatePin.of(pki.certificate())
            + "): give its CA file, or pin its SHA-256 fingerprint after checking it"
            + " with the provider's operator\n",
        run.err());
  }

  @Test
  void aTokenOverPlainHttpIsRefusedUnlessAllowed() throws Exception {
    node = GoNodeStandIn.http();
    Path token = dir.resolve("token");
    Files.writeString(token, TOKEN);

    CliRun refused = CliRun.of("flavors", "--peer", node.url(), "--token-file", token.toString());
    CliRun allowed =
        CliRun.of(
            "flavors",
            "--peer",
            node.url(),
            "--token-file",
            token.toString(),
            "--allow-token-over-http");

    assertEquals(2, refused.exitCode());
    assertTrue(
        refused.err().contains("refusing to send the bearer token over plain http://"),
        refused.err());
    assertFalse(refused.err().contains(TOKEN));
    assertEquals(0, allowed.exitCode(), allowed.err());
    assertEquals("Bearer " + TOKEN, node.last().authorization());
  }

  @Test
  void contradictingOrMalformedTrustOptionsAreUsageErrors() {
    CliRun both = CliRun.of("flavors", "--peer", "gw", "--ca-file", "/x.pem", "--pin", "sha256:00");
    CliRun badPin = CliRun.of("flavors", "--peer", "gw", "--pin", "md5:abc");
    CliRun halfIdentity = CliRun.of("flavors", "--peer", "gw", "--client-cert", "/c.pem");
    CliRun missingCa =
        CliRun.of("flavors", "--peer", "gw", "--ca-file", dir.resolve("no.pem").toString());

    assertEquals(2, both.exitCode());
    assertEquals(2, badPin.exitCode());
    assertTrue(badPin.err().contains("sha256:<64 hex digits>"), badPin.err());
    assertEquals(2, halfIdentity.exitCode());
    assertEquals(2, missingCa.exitCode());
    assertTrue(missingCa.err().contains("no.pem"), missingCa.err());
  }
}
