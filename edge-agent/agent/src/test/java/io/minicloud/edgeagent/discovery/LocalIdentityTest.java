package io.minicloud.edgeagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalIdentityTest {

  @Test
  void defaultsComeFromTheHostNameAndTheFirstIpv4() throws Exception {
    var ipv4 = Optional.of(InetAddress.getByName("192.0.2.2"));

    var self =
        LocalIdentity.resolve(
            "minicloud.local",
            Optional.empty(),
            Optional.empty(),
            8443,
            () -> "Pi_4.lan",
            () -> ipv4);

    assertEquals(new Announcement("minicloud.local", "pi-4", "192.0.2.2:8443"), self);
  }

  @Test
  void withoutAnyIpv4AddressItStillStartsOnLoopback() {
    var self =
        LocalIdentity.resolve(
            "d", Optional.of("gw"), Optional.empty(), 8443, () -> "h", Optional::empty);

    assertEquals("127.0.0.1:8443", self.address());
  }

  @Test
  void configuredValuesWinAndAreValidated() {
    var self =
        LocalIdentity.resolve(
            "d",
            Optional.of("gw"),
            Optional.of("rear.example:30001"),
            8443,
            () -> "h",
            Optional::empty);
    assertEquals("rear.example:30001", self.address());

    var badId =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LocalIdentity.resolve(
                    "d", Optional.of("GW 1"), Optional.empty(), 8443, () -> "h", Optional::empty));
    var badAddress =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LocalIdentity.resolve(
                    "d",
                    Optional.of("gw"),
                    Optional.of("10.0.0.1"),
                    8443,
                    () -> "h",
                    Optional::empty));
    assertTrue(badId.getMessage().contains("node-id"), badId.getMessage());
    assertTrue(badAddress.getMessage().contains("advertised-address"), badAddress.getMessage());
  }
}
