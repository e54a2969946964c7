package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerManifestTest {

  @Test
  void skipsCommentsAndBlankLines() {
    // GIVEN a manifest with comments, blanks and trailing comments
    List<String> lines =
        List.of(
            "# peers",
            "",
            "dpkg-deb dpkg  # packaging",
            "   ",
            "\tpromtool\tprometheus",
            "  # indented comment");

    // WHEN parsed
    PeerManifest manifest = PeerManifest.parse(lines, "peers");

    // THEN only the two peers, with their line numbers and purposes
    assertEquals(
        List.of(
            new PeerManifest.Peer("dpkg-deb", "dpkg", "packaging", 3),
            new PeerManifest.Peer("promtool", "prometheus", "", 5)),
        manifest.peers());
  }

  @Test
  void aMalformedLineNamesItsLineNumber() {
    // GIVEN a line with three fields on line 3
    List<String> lines = List.of("# x", "lintian lintian", "systemd-analyze systemd extra  # oops");

    // WHEN parsed THEN the error names the file, line and content
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PeerManifest.parse(lines, ".ci/peers"));
    assertEquals(
        ".ci/peers:3: expected '<command> <debian-package>  # what uses it', got"
            + " 'systemd-analyze systemd extra  # oops'",
        e.getMessage());
  }

  @Test
  void aLoneCommandIsMalformed() {
    assertThrows(
        IllegalArgumentException.class, () -> PeerManifest.parse(List.of("promtool"), "peers"));
  }

  @Test
  void missingPeersAreThoseNotOnPath() {
    // GIVEN one command that exists everywhere and one that does not
    PeerManifest manifest =
        PeerManifest.parse(List.of("sh dash", "no-such-cmd-xyz nope", "no-such-cmd-2 nope"), "p");

    // WHEN looked up on the real PATH
    List<PeerManifest.Peer> missing = manifest.missing(ExecutableLookup.fromEnvironment());

    // THEN only the absent ones, and their package once
    assertEquals(2, missing.size());
    assertEquals(List.of("nope"), PeerManifest.packages(missing));
  }

  @Test
  void theRepositoryManifestParses() throws IOException {
    // GIVEN the checked-in .ci/peers (two levels above this module)
    Path file = Path.of("../../.ci/peers");

    // WHEN read THEN it parses and names at least the packaging peer
    List<String> commands =
        PeerManifest.read(file).peers().stream().map(PeerManifest.Peer::command).toList();
    assertTrue(commands.contains("dpkg-deb"), commands.toString());
  }
}
