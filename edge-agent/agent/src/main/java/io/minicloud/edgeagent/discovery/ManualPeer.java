package io.minicloud.edgeagent.discovery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A peer the operator listed, for sites where multicast does not cross the network between
 * miniclouds.
 *
 * @param baseUri the REAR gateway's base, e.g. {@code http://10.0.0.5:30001}
 * @param address its {@code host:port}, the peer table's address
 * @param nodeId the node ID when configured, so announcements of the same node merge with it
 */
public record ManualPeer(URI baseUri, HostPort address, Optional<String> nodeId) {

  /**
   * Reads {@code host:port} (plain HTTP, like the Go node's gateway) or an {@code http(s)://} URL;
   * a URL without port gets 80 or 443.
   *
   * @throws IllegalArgumentException naming the entry and what is wrong with it
   */
  public static ManualPeer parse(String addressOrUrl, Optional<String> nodeId) {
    String text = addressOrUrl.trim();
    if (nodeId.isPresent() && !NodeIds.isValid(nodeId.get())) {
      throw new IllegalArgumentException(
          "manual peer " + text + ": node ID " + nodeId.get() + " is not a DNS-1123 label");
    }
    String withScheme = text.contains("://") ? text : "http://" + text;
    URI uri;
    try {
      uri = new URI(withScheme);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("manual peer " + text + " is not host:port or a URL", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("manual peer " + text + ": scheme must be http or https");
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String host = uri.getHost();
    Optional<HostPort> address =
        host == null ? Optional.empty() : HostPort.parse(host + ":" + port);
    if (address.isEmpty()) {
      throw new IllegalArgumentException("manual peer " + text + " has no valid host and port");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    URI base = URI.create(scheme + "://" + address.get() + path);
    return new ManualPeer(base, address.get(), nodeId);
  }

  /** Where liveness is probed: the REAR flavor list, which every REAR gateway serves. */
  public URI flavorsUri() {
    return URI.create(baseUri + "/api/v2/flavors");
  }
}
