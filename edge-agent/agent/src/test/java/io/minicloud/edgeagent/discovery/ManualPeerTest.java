package io.minicloud.edgeagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManualPeerTest {

  @Test
  void aBareHostPortIsPlainHttpLikeAGoNodesGateway() {
    var peer = ManualPeer.parse("10.0.0.5:30001", Optional.of("gw-b"));

    assertEquals(URI.create("http://10.0.0.5:30001/api/v2/flavors"), peer.flavorsUri());
    assertEquals("10.0.0.5:30001", peer.address().toString());
    assertEquals(Optional.of("gw-b"), peer.nodeId());
  }

  @Test
  void urlsKeepSchemeAndPathAndGetTheDefaultPort() {
    var peer = ManualPeer.parse("https://rear.site-b.example/edge/", Optional.empty());

    assertEquals(
        URI.create("https://rear.site-b.example:443/edge/api/v2/flavors"), peer.flavorsUri());
    assertEquals("rear.site-b.example:443", peer.address().toString());
  }

  @Test
  void badEntriesAreRejectedWithTheEntryInTheMessage() {
    var badScheme =
        assertThrows(
            IllegalArgumentException.class, () -> ManualPeer.parse("ftp://x:21", Optional.empty()));
    var badId =
        assertThrows(
            IllegalArgumentException.class,
            () -> ManualPeer.parse("10.0.0.5:30001", Optional.of("Not_A_Label")));
    var noPort =
        assertThrows(
            IllegalArgumentException.class, () -> ManualPeer.parse("host:99999", Optional.empty()));

    assertTrue(badScheme.getMessage().contains("ftp://x:21"), badScheme.getMessage());
    assertTrue(badId.getMessage().contains("Not_A_Label"), badId.getMessage());
    assertTrue(noPort.getMessage().contains("host:99999"), noPort.getMessage());
  }
}
