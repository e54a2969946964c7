package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DevicesDiscoverCommandTest {

  @Test
  void aUriThatIsNotCoapIsAUsageError() {
    CliRun run = CliRun.of("devices", "discover", "http://127.0.0.1");
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("URI: "), run.err());
    assertTrue(run.err().contains("coap://"), run.err());
  }

  @Test
  void coapsWithoutCredentialsNamesTheOptions() {
    CliRun run = CliRun.of("devices", "discover", "coaps://127.0.0.1");
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("--psk-identity"), run.err());
  }

  @Test
  void anUnreadableKeyFileIsAUsageError() {
    CliRun run =
        CliRun.of(
            "devices",
            "discover",
            "coaps://127.0.0.1",
            "--psk-identity",
            "gw",
            "--psk-key-file",
            "/nonexistent/psk");
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("--psk-key-file: no readable file"), run.err());
  }

  @Test
  void devicesWithoutASubcommandIsAUsageError() {
    CliRun run = CliRun.of("devices");
    assertEquals(2, run.exitCode(), run.err());
  }
}
