package io.minicloud.mapper.api.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.peers.PeerProcess;
import io.minicloud.mapper.api.peers.PtyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serial identity and ownership on real ptys (socat) with util-linux {@code flock} as the other
 * program: a by-id style symlink followed across "re-enumeration", one owner per port inside the
 * bridge, and none while another process holds the port.
 */
@Tag("peer")
class SerialPortOwnershipIT {
  @TempDir Path dir;

  @BeforeEach
  void peers() {
    assumeTrue(PtyPair.unavailable() == null, PtyPair.unavailable());
  }

  @Test
  void aReconnectFollowsTheSymlinkToTheReenumeratedPort() throws Exception {
    try (PtyPair first = PtyPair.start(dir, "usb0");
        PtyPair second = PtyPair.start(dir, "usb1")) {
      Path byId = dir.resolve("usb-FTDI_FT232R_USB_UART_A6008isP-if00-port0");
      Files.createSymbolicLink(byId, first.a());
      SerialSettings settings = settings(byId.toString());
      try (SerialConnection port = SerialConnection.open(settings)) {
        assertRoundTrip(port, first.b(), "before");
      }
      Files.delete(byId);
      Files.createSymbolicLink(byId, second.a());
      try (SerialConnection port = SerialConnection.open(settings)) {
        assertRoundTrip(port, second.b(), "after");
      }
    }
  }

  @Test
  void twoNamesForOnePortGetOneOwner() throws Exception {
    try (PtyPair pair = PtyPair.start(dir, "shared")) {
      Path alias = dir.resolve("alias");
      Files.createSymbolicLink(alias, pair.a());
      try (SerialConnection owner = SerialConnection.open(settings(pair.a().toString()))) {
        IOException e =
            assertThrows(
                IOException.class, () -> SerialConnection.open(settings(alias.toString())));
        assertTrue(e.getMessage().contains("already owns as " + pair.a()), e.getMessage());
      }
      // released on close: the alias may own it now
      SerialConnection.open(settings(alias.toString())).close();
    }
  }

  @Test
  void aPortHeldByAnotherProgramIsBusyAndOursIsHeldAgainstOthers() throws Exception {
    assumeTrue(PeerProcess.onPath("flock"), "util-linux flock is installed");
    try (PtyPair pair = PtyPair.start(dir, "held")) {
      Path node = pair.a().toRealPath();
      Process other = new ProcessBuilder("flock", "-n", node.toString(), "sleep", "30").start();
      try {
        Thread.sleep(300);
        assertTrue(other.isAlive(), "flock got the port");
        IOException e =
            assertThrows(
                IOException.class, () -> SerialConnection.open(settings(pair.a().toString())));
        assertTrue(e.getMessage().contains("busy: another program holds it"), e.getMessage());
      } finally {
        // the lock lives in the open file that sleep inherited: end both
        other.descendants().forEach(ProcessHandle::destroyForcibly);
        PeerProcess.stop(other);
      }
      try (SerialConnection ours = SerialConnection.open(settings(pair.a().toString()))) {
        Process probe = new ProcessBuilder("flock", "-n", node.toString(), "true").start();
        assertTrue(probe.waitFor(5, TimeUnit.SECONDS));
        assertEquals(1, probe.exitValue(), "another program cannot take a port we own");
      }
    }
  }

  private static SerialSettings settings(String port) {
    return new SerialSettings(port, 57600, 8, SerialSettings.Parity.NONE, 1);
  }

  private static void assertRoundTrip(SerialConnection port, Path otherEnd, String text)
      throws Exception {
    try (SerialConnection far = SerialConnection.open(settings(otherEnd.toString()))) {
      byte[] sent = text.getBytes(StandardCharsets.US_ASCII);
      port.write(sent);
      byte[] got = new byte[sent.length];
      int have = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (have < got.length && System.nanoTime() < deadline) {
        have += far.read(got, have, got.length - have, 200);
      }
      assertArrayEquals(sent, got, "the bytes reach the port the name points at now");
    }
  }
}
