package io.minicloud.rear.peers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToolsTest {

  @Test
  void aMissingPeerProgramFailsNamingTheDebianPackage() {
    // GIVEN a command no machine has
    // WHEN the Go peer's build looks for it
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Tools.require("minicloud-no-such-go-xyz", "golang-go"));

    // THEN the test fails (CI installs the peers) and says what to install
    assertTrue(e.getMessage().contains("apt-get install golang-go"), e.getMessage());
    assertTrue(e.getMessage().contains("minicloud-no-such-go-xyz"), e.getMessage());
  }
}
