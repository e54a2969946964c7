package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.coap.peers.LibcoapServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code minicloud devices discover} against libcoap's {@code coap-server-openssl}. */
@Tag("peer")
class DevicesDiscoverCommandIT {
  private static final String PSK = "cli-discovery-psk-5d1e";

  @TempDir Path dir;
  private LibcoapServer server;

  @BeforeEach
  void start() throws Exception {
    String missing = LibcoapServer.missing();
    assumeTrue(missing == null, missing);
    server = LibcoapServer.start(dir, Optional.of(PSK), Optional.empty());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void overUdpItPrintsASuggestedModelAndDevice() {
    // WHEN libcoap's server is discovered
    CliRun run = CliRun.of("devices", "discover", server.uri());

    // THEN a DeviceModel and a Device come out, /time observed, marked as a suggestion
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("# SUGGESTED"), run.out());
    assertTrue(run.out().contains("kind: DeviceModel"), run.out());
    assertTrue(run.out().contains("kind: Device\n"), run.out());
    assertTrue(run.out().contains("path: \"/time\""), run.out());
    assertTrue(run.out().contains("observe: true"), run.out());
    assertTrue(run.out().contains("uri: \"" + server.uri() + "\""), run.out());
  }

  @Test
  void overDtlsWithAPskFileItNamesTheFileNotTheKey() throws Exception {
    Path key = Files.writeString(dir.resolve("psk"), PSK);
    CliRun run =
        CliRun.of(
            "devices",
            "discover",
            server.dtlsUri(),
            "--psk-identity",
            "cli",
            "--psk-key-file",
            key.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("pskKeyFile: \"" + key + "\""), run.out());
    assertFalse(run.out().contains(PSK), run.out());
  }

  @Test
  void aWrongPskExitsOneWithTheHandshakeFailureAndNoKey() throws Exception {
    String wrong = "wrong-cli-psk-0000";
    Path key = Files.writeString(dir.resolve("wrong"), wrong);
    CliRun run =
        CliRun.of(
            "devices",
            "discover",
            server.dtlsUri(),
            "--psk-identity",
            "cli",
            "--psk-key-file",
            key.toString(),
            "--timeout-ms",
            "3000");
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("DTLS handshake"), run.err());
    assertFalse(run.err().contains(wrong) || run.out().contains(wrong), run.err());
  }
}
