package io.minicloud.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The real third-party programs the peer and hil tiers need ({@code .ci/peers}): one line per peer,
 * {@code <command> <debian-package> # what uses it}; blank lines and lines starting with {@code #}
 * are ignored.
 */
final class PeerManifest {

  /** One required command and the Debian package that provides it. */
  record Peer(String command, String debianPackage, String purpose, int line) {}

  private final List<Peer> peers;

  PeerManifest(List<Peer> peers) {
    this.peers = List.copyOf(peers);
  }

  List<Peer> peers() {
    return peers;
  }

  /** Reads a manifest file; a malformed line is an {@link IllegalArgumentException}. */
  static PeerManifest read(Path file) throws IOException {
    return parse(Files.readAllLines(file), file.toString());
  }

  /**
   * @param source names the manifest in error messages ({@code <source>:<line>: ...})
   */
  static PeerManifest parse(List<String> lines, String source) {
    List<Peer> peers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      String text = raw;
      String purpose = "";
      int hash = raw.indexOf('#');
      if (hash >= 0) {
        text = raw.substring(0, hash);
        purpose = raw.substring(hash + 1).strip();
      }
      text = text.strip();
      if (text.isEmpty()) {
        continue;
      }
      String[] fields = text.split("\\s+");
      if (fields.length != 2) {
        throw new IllegalArgumentException(
            source
                + ":"
                + (i + 1)
                + ": expected '<command> <debian-package>  # what uses it', got '"
                + raw.strip()
                + "'");
      }
      peers.add(new Peer(fields[0], fields[1], purpose, i + 1));
    }
    return new PeerManifest(peers);
  }

  /** The peers whose command the lookup cannot find. */
  List<Peer> missing(ExecutableLookup lookup) {
    return peers.stream().filter(p -> lookup.find(p.command()).isEmpty()).toList();
  }

  /** Distinct Debian packages of the given peers, in manifest order. */
  static List<String> packages(List<Peer> peers) {
    Set<String> packages = new LinkedHashSet<>();
    peers.forEach(p -> packages.add(p.debianPackage()));
    return List.copyOf(packages);
  }
}
