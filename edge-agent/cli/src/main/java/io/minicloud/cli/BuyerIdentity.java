package io.minicloud.cli;

import io.minicloud.rear.model.NodeIdentity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * Who this machine is when it buys: a node id (a DNS-1123 label, since a Go provider names objects
 * after it), a domain, the buyer's REAR address, and a Liqo cluster id. Go providers refuse a
 * reserve without the Liqo id, so one is made once and kept in a file: the same buyer keeps the
 * same id, and a second reserve of the same flavor extends its transaction instead of adding one.
 */
final class BuyerIdentity {

  static final String DEFAULT_DOMAIN = "minicloud.local";

  private BuyerIdentity() {}

  static NodeIdentity of(String id, String domain, String address, String liqoClusterId) {
    return new NodeIdentity(
        id, address, domain, new NodeIdentity.AdditionalInformation(liqoClusterId, null));
  }

  /** {@code ~/.config/minicloud/liqo-cluster-id}. */
  static Path defaultLiqoIdFile() {
    return Path.of(System.getProperty("user.home"), ".config", "minicloud", "liqo-cluster-id");
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      // a machine without a resolvable name still buys: under a fixed, valid label
      return "minicloud";
    }
  }

  /** {@code name} as a DNS-1123 label: lower case, [a-z0-9-], at most 63, no edge dashes. */
  static String dnsLabel(String name) {
    String first = name.split("\\.", 2)[0].toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    for (char c : first.toCharArray()) {
      out.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '-');
    }
    String label = out.length() > 63 ? out.substring(0, 63) : out.toString();
    label = label.replaceAll("^-+|-+$", "");
    return label.isEmpty() ? "minicloud" : label;
  }

  /**
   * The Liqo cluster id stored in {@code file}, made (a random UUID) and stored on first use.
   *
   * @throws IOException naming the file when it cannot be read or written, or holds no UUID
   */
  static String liqoClusterId(Path file) throws IOException {
    if (Files.exists(file)) {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      try {
        return UUID.fromString(text).toString();
      } catch (IllegalArgumentException e) {
        throw new IOException(
            file + " does not hold a UUID; remove it to make a new Liqo cluster id", e);
      }
    }
    String id = UUID.randomUUID().toString();
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
    return id;
  }
}
