package io.minicloud.mapper.coap;

import static io.minicloud.mapper.coap.Devices.device;
import static io.minicloud.mapper.coap.Devices.property;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.StringValue;
import io.minicloud.mapper.api.logs.LogCapture;
import io.minicloud.mapper.api.peers.TestCertificates;
import io.minicloud.mapper.coap.link.CoapLink;
import io.minicloud.mapper.coap.peers.LibcoapServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DTLS 1.2 (Scandium) against libcoap's {@code coap-server-openssl} on its DTLS port: a PSK from a
 * file (raw and hex), a wrong PSK (the failure is asserted by its message: libcoap drops the
 * handshake, so there is nothing else to see), and X.509 with a throw-away PKI.
 */
@Tag("peer")
class CoapDtlsIT {
  private static final String PSK = "minicloud-test-psk-7f3a";

  @TempDir Path dir;
  private LibcoapServer server;
  private CoapLink link;

  @BeforeEach
  void start() throws Exception {
    String missing = LibcoapServer.missing();
    assumeTrue(missing == null, missing);
    TestCertificates pki = TestCertificates.create(dir.resolve("pki"));
    server =
        LibcoapServer.start(
            dir,
            Optional.of(PSK),
            Optional.of(new LibcoapServer.Pki(pki.serverCert(), pki.serverKey(), pki.caCert())));
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

  private List<PointResult> readTime(Map<String, Object> protocol) throws Exception {
    DeviceSpec spec =
        device("secure-clock", protocol, property("time", "string", Map.of("path", "/time")));
    CoapDeviceDriver driver = (CoapDeviceDriver) new CoapDevicePlugin().bind(spec);
    link = (CoapLink) driver.link().opener().open();
    CoapTestSession session = new CoapTestSession(link, 5_000);
    driver.attach(session);
    return driver.read(session, List.of("time"));
  }

  @Test
  void aPskFromARawFileOpensTheDtlsPort() throws Exception {
    // GIVEN the PSK in a file as `echo` writes it (a trailing newline)
    Path key = Files.writeString(dir.resolve("psk"), PSK + "\n");

    // WHEN /time is read over coaps
    List<PointResult> results =
        readTime(
            Map.of("uri", server.dtlsUri(), "pskIdentity", "bridge", "pskKeyFile", key.toString()));

    // THEN the DTLS session works end to end
    assertTrue(results.get(0).isOk(), () -> String.valueOf(results.get(0).error()));
    assertTrue(((StringValue) results.get(0).raw()).value().matches(".*\\d\\d:\\d\\d:\\d\\d"));
  }

  @Test
  void aPskFromAHexFileOpensTheDtlsPort() throws Exception {
    // GIVEN the same PSK as hex digits
    Path key =
        Files.writeString(
            dir.resolve("psk.hex"), java.util.HexFormat.of().formatHex(PSK.getBytes()));

    // WHEN /time is read over coaps
    List<PointResult> results =
        readTime(
            Map.of(
                "uri",
                server.dtlsUri(),
                "pskIdentity",
                "bridge",
                "pskKeyFile",
                key.toString(),
                "pskKeyEncoding",
                "hex"));

    // THEN it works as well
    assertTrue(results.get(0).isOk(), () -> String.valueOf(results.get(0).error()));
  }

  @Test
  void aWrongPskFailsTheHandshakeWithAMessageThatNeverShowsTheKey() throws Exception {
    // GIVEN a wrong key in the file
    String wrong = "not-the-right-key-91c2";
    Path key = Files.writeString(dir.resolve("wrong"), wrong);
    // libcoap's own client, for the record, prints an error and exits 0: only output can tell
    String libcoap =
        server.client("-m", "get", "-u", "bridge", "-k", wrong, server.dtlsUri() + "/time");
    assertTrue(libcoap.contains("ERR"), libcoap);
    assertFalse(
        java.util.regex.Pattern.compile("(?m)^[A-Z][a-z]{2} [ 0-9]?\\d \\d\\d:\\d\\d:\\d\\d$")
            .matcher(libcoap)
            .find(),
        libcoap);

    // WHEN the link opens, every log record captured down to TRACE
    LogCapture logs = new LogCapture("io.minicloud.mapper.coap", "org.eclipse.californium");
    IOException e;
    try (logs) {
      e =
          assertThrows(
              IOException.class,
              () ->
                  readTime(
                      Map.of(
                          "uri",
                          server.dtlsUri(),
                          "pskIdentity",
                          "bridge",
                          "pskKeyFile",
                          key.toString(),
                          "requestTimeout",
                          3000)));
      // and the right key too, so its records are checked as well
      Path right = Files.writeString(dir.resolve("right"), PSK);
      assertTrue(
          readTime(
                  Map.of(
                      "uri",
                      server.dtlsUri(),
                      "pskIdentity",
                      "bridge",
                      "pskKeyFile",
                      right.toString()))
              .get(0)
              .isOk());
    }

    System.out.println("[CoapDtlsIT] wrong PSK: " + e.getMessage());
    // THEN it is a link failure that says the handshake failed, and the key appears nowhere
    assertFalse(e instanceof DeviceException, "a link failure, not a device error: " + e);
    String everything = describe(e);
    assertTrue(everything.contains("DTLS handshake"), everything);
    assertFalse(everything.contains(wrong), everything);
    assertFalse(everything.contains(PSK), everything);
    // AND no log record of ours, Californium's or Scandium's holds either key, as text or hex
    assertTrue(logs.lines().size() > 10, "Californium logged: " + logs.lines().size());
    for (String secret :
        List.of(
            wrong,
            PSK,
            java.util.HexFormat.of().formatHex(wrong.getBytes()),
            java.util.HexFormat.of().formatHex(PSK.getBytes()))) {
      for (String line : logs.lines()) {
        assertFalse(line.toLowerCase(java.util.Locale.ROOT).contains(secret), line);
      }
    }
  }

  @Test
  void x509CertificatesOpenTheDtlsPort() throws Exception {
    // GIVEN a client certificate and the CA of libcoap's server certificate
    TestCertificates pki = TestCertificates.create(dir.resolve("pki"));

    // WHEN /time is read over coaps with X.509
    List<PointResult> results =
        readTime(
            Map.of(
                "uri", server.dtlsUri(),
                "certFile", pki.clientCert().toString(),
                "keyFile", pki.clientKey().toString(),
                "caFile", pki.caCert().toString()));

    // THEN the handshake verified the server and the request went through
    assertTrue(results.get(0).isOk(), () -> String.valueOf(results.get(0).error()));
  }

  @Test
  void aServerCertificateFromAnotherCaIsRefused() throws Exception {
    // GIVEN a CA that did not sign libcoap's certificate
    TestCertificates own = TestCertificates.create(dir.resolve("pki"));
    TestCertificates other = TestCertificates.create(dir.resolve("other-pki"));

    // WHEN the link opens trusting only that CA
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                readTime(
                    Map.of(
                        "uri", server.dtlsUri(),
                        "certFile", own.clientCert().toString(),
                        "keyFile", own.clientKey().toString(),
                        "caFile", other.caCert().toString(),
                        "requestTimeout", 3000)));

    // THEN the handshake fails
    assertTrue(describe(e).contains("DTLS handshake"), describe(e));
  }

  @Test
  void aServerRestartMidObserveOverDtlsIsFollowedByANewHandshakeAndValuesResume() throws Exception {
    // GIVEN /time observed over DTLS-PSK
    Path key = Files.writeString(dir.resolve("psk"), PSK);
    java.util.concurrent.atomic.AtomicInteger signals =
        new java.util.concurrent.atomic.AtomicInteger();
    DeviceSpec spec =
        device(
            "secure-clock",
            Map.of("uri", server.dtlsUri(), "pskIdentity", "bridge", "pskKeyFile", key.toString()),
            property("time", "string", Map.of("path", "/time", "observe", true)));
    CoapDeviceDriver driver = (CoapDeviceDriver) new CoapDevicePlugin().bind(spec);
    link = (CoapLink) driver.link().opener().open();
    driver.attach(new CoapTestSession(link, 5_000, p -> signals.incrementAndGet()));
    CoapLibcoapIT.await("notifications", java.time.Duration.ofSeconds(8), () -> signals.get() >= 2);

    // WHEN the server restarts: it forgets the observer and the DTLS session
    server.restart();
    int afterRestart = signals.get();

    // THEN the link drops the old session, shakes hands again, re-registers, values resume
    CoapLibcoapIT.await(
        "notifications after the restart",
        java.time.Duration.ofSeconds(25),
        () -> signals.get() >= afterRestart + 3);
  }

  /** The message of the exception and all its causes. */
  static String describe(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t).append(" | ");
    }
    return all.toString();
  }
}
