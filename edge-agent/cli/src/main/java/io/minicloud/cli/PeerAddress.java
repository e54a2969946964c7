package io.minicloud.cli;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a REAR provider is, from {@code --peer}: {@code https://host:port}, {@code
 * http://host:port} (a stock FLUIDOS node), or {@code host[:port]}, which means HTTPS on 8443 (our
 * provider's default) unless plain HTTP was asked for.
 */
record PeerAddress(URI baseUri) {

  static final int DEFAULT_HTTPS_PORT = 8443;

  /**
   * @param plainHttp {@code --insecure-plain-http}
   * @throws IllegalArgumentException saying what a peer looks like
   */
  static PeerAddress parse(String peer, boolean plainHttp) {
    String text = peer.strip();
    boolean hasScheme = text.contains("://");
    if (hasScheme && !text.startsWith("http://") && !text.startsWith("https://")) {
      throw new IllegalArgumentException(
          "--peer is host:port, http://host:port or https://host:port, not '" + peer + "'");
    }
    if (plainHttp && text.startsWith("https://")) {
      throw new IllegalArgumentException("--insecure-plain-http contradicts the https:// peer");
    }
    String url = hasScheme ? text : (plainHttp ? "http://" : "https://") + text;
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "--peer '" + peer + "' is not an address: " + e.getReason());
    }
    if (uri.getHost() == null || uri.getUserInfo() != null) {
      throw new IllegalArgumentException(
          "--peer is host:port, http://host:port or https://host:port, not '" + peer + "'");
    }
    if (uri.getPort() < 0) {
      if ("http".equals(uri.getScheme())) {
        throw new IllegalArgumentException(
            "--peer "
                + peer
                + ": give the node's port (a FLUIDOS node's REAR NodePort, e.g. 30001)");
      }
      uri = URI.create("https://" + uri.getHost() + ":" + DEFAULT_HTTPS_PORT + path(uri));
    }
    return new PeerAddress(uri);
  }

  private static String path(URI uri) {
    return uri.getRawPath() == null ? "" : uri.getRawPath();
  }

  boolean plainHttp() {
    return "http".equals(baseUri.getScheme());
  }

  /** {@code host:port}, as messages name the peer. */
  String authority() {
    return baseUri.getHost() + ":" + baseUri.getPort();
  }
}
