package io.minicloud.mapper.coap;

import static io.minicloud.mapper.coap.Devices.device;
import static io.minicloud.mapper.coap.Devices.property;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.peers.PeerProcess;
import io.minicloud.mapper.coap.link.CoapLink;
import io.minicloud.mapper.coap.peers.LibcoapServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DTLS with raw public keys (RFC 7250) against libcoap's GnuTLS server ({@code coap-server-gnutls
 * -M}; the OpenSSL build has no RPK): the server's key pinned, and a different pinned key refused.
 */
@Tag("peer")
class CoapRawPublicKeyIT {
  @TempDir Path dir;
  private LibcoapServer server;
  private CoapLink link;

  @BeforeEach
  void start() throws Exception {
    String missing = LibcoapServer.missingGnutls();
    assumeTrue(missing == null, missing);
    assumeTrue(PeerProcess.onPath("openssl"), "openssl is not installed");
    PeerProcess.run(
        dir,
        "openssl",
        "ecparam",
        "-name",
        "prime256v1",
        "-genkey",
        "-noout",
        "-out",
        "server.key");
    PeerProcess.run(dir, "openssl", "ec", "-in", "server.key", "-pubout", "-out", "server.pub");
    Files.writeString(
        dir.resolve("server-rpk.pem"),
        Files.readString(dir.resolve("server.key")) + Files.readString(dir.resolve("server.pub")));
    PeerProcess.run(
        dir,
        "openssl",
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-out",
        "client.key");
    PeerProcess.run(dir, "openssl", "pkey", "-in", "client.key", "-pubout", "-out", "client.pub");
    PeerProcess.run(
        dir, "openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "other.key");
    PeerProcess.run(dir, "openssl", "ec", "-in", "other.key", "-pubout", "-out", "other.pub");
    server =
        LibcoapServer.startWithRawPublicKey(dir.resolve("peer"), dir.resolve("server-rpk.pem"));
  }

  @AfterEach
  void stop() {
    if (link != null) {
      link.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private List<PointResult> readTime(String serverKey) throws Exception {
    CoapDeviceDriver driver =
        (CoapDeviceDriver)
            new CoapDevicePlugin()
                .bind(
                    device(
                        "rpk-clock",
                        Map.of(
                            "uri", server.dtlsUri(),
                            "rpk", true,
                            "keyFile", dir.resolve("client.key").toString(),
                            "publicKeyFile", dir.resolve("client.pub").toString(),
                            "serverPublicKeyFile", dir.resolve(serverKey).toString(),
                            "requestTimeout", 3000),
                        property("time", "string", Map.of("path", "/time"))));
    link = (CoapLink) driver.link().opener().open();
    CoapTestSession session = new CoapTestSession(link, 3000);
    driver.attach(session);
    return driver.read(session, List.of("time"));
  }

  @Test
  void thePinnedServerKeyOpensTheDtlsPort() throws Exception {
    List<PointResult> results = readTime("server.pub");
    assertTrue(results.get(0).isOk(), () -> String.valueOf(results.get(0).error()));
  }

  @Test
  void anotherServerKeyIsRefused() {
    IOException e = assertThrows(IOException.class, () -> readTime("other.pub"));
    assertTrue(CoapDtlsIT.describe(e).contains("DTLS handshake"), CoapDtlsIT.describe(e));
  }
}
